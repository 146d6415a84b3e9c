import {
  Appointment,
  Booking,
  Communication,
  Complaint,
  Customer,
  Inquiry,
  Invoice,
  Payment,
  Quote,
  User,
} from '@octopuspro/contract'
import * as z from 'zod/mini'

/**
 * Your own objects to start a server with, each exactly as the API returns it (ids, timestamps and computed fields
 * included) and checked against the contract's schemas; references between them must resolve. Loaded without
 * emitting events.
 *
 * @example
 * ```ts
 * const server = createReferenceServer({
 *   seed: {
 *     customers: [{ id: 'cus_1', object: 'customer', name: 'Ada', email: null, phone: null, company: null,
 *       address: null, notes: null, tags: [], metadata: {},
 *       created_at: '2026-11-01T09:00:00.000Z', updated_at: '2026-11-01T09:00:00.000Z' }],
 *   },
 * })
 * ```
 */
export const Fixtures = z.strictObject({
  customers: z.optional(z.array(Customer)),
  users: z.optional(z.array(User)),
  inquiries: z.optional(z.array(Inquiry)),
  quotes: z.optional(z.array(Quote)),
  bookings: z.optional(z.array(Booking)),
  appointments: z.optional(z.array(Appointment)),
  invoices: z.optional(z.array(Invoice)),
  payments: z.optional(z.array(Payment)),
  complaints: z.optional(z.array(Complaint)),
  communications: z.optional(z.array(Communication)),
})

/**
 * Your own objects to seed a server with; see the {@link Fixtures} schema.
 *
 * @example
 * ```ts
 * const seed: Fixtures = { customers: [await (await server.fetch(request)).json()] }
 * createReferenceServer({ seed })
 * ```
 */
export type Fixtures = z.input<typeof Fixtures>
