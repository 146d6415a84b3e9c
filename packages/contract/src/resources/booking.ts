import * as z from 'zod/mini'
import { defineResource } from '../define-resource.js'
import { listQuery } from '../list.js'
import { Address, Id, Text, Timestamp } from '../primitives.js'
import { endAfterStart } from './schedule.js'

/** The stages of a booking. @example `BookingStatus.parse('confirmed')` */
export const BookingStatus = z.enum(['pending', 'confirmed', 'in_progress', 'completed', 'cancelled'])

const booking = defineResource('booking', 'booking', {
  required: { customer_id: Id('customer'), service: Text(200), scheduled_start: Timestamp, scheduled_end: Timestamp },
  defaulted: {
    status: BookingStatus,
    assigned_user_ids: z.array(Id('user')).check(z.maxLength(50, 'must have at most 50 users')),
  },
  defaults: { status: 'pending', assigned_user_ids: [] },
  optional: { quote_id: Id('quote'), address: Address, notes: Text(5000) },
  computed: {},
})

/** A booking: a job for a customer, scheduled in time. @example `Booking.parse(body)` */
export const Booking = booking.schema
/**
 * The body of `POST /v1/bookings`; `scheduled_end` must be after `scheduled_start`.
 *
 * @example
 * ```ts
 * BookingCreate.parse({
 *   customer_id: 'cus_1',
 *   service: 'Deep clean',
 *   scheduled_start: '2026-12-01T09:00:00.000Z',
 *   scheduled_end: '2026-12-01T11:00:00.000Z',
 * })
 * ```
 */
export const BookingCreate = booking.create.check(endAfterStart)
/** The body of `PATCH /v1/bookings/{id}`. @example `BookingUpdate.parse({ status: 'confirmed' })` */
export const BookingUpdate = booking.update.check(endAfterStart)
/**
 * The query of `GET /v1/bookings`.
 *
 * @example `BookingListQuery.parse({ scheduled_after: '2026-12-01T00:00:00.000Z' })`
 */
export const BookingListQuery = listQuery({
  status: z.optional(BookingStatus),
  customer_id: z.optional(Id('customer')),
  scheduled_after: z.optional(Timestamp),
  scheduled_before: z.optional(Timestamp),
})

/** A booking. @example `const booking: Booking = await op.bookings.get('bkg_123')` */
export type Booking = z.output<typeof Booking>
/**
 * The body of a booking create.
 *
 * @example
 * ```ts
 * const body: BookingCreate = {
 *   customer_id: 'cus_123',
 *   service: 'Gutter cleaning',
 *   scheduled_start: '2026-12-01T09:00:00.000Z',
 *   scheduled_end: '2026-12-01T11:00:00.000Z',
 * }
 * ```
 */
export type BookingCreate = z.input<typeof BookingCreate>
/** The body of a booking update. @example `const body: BookingUpdate = { status: 'confirmed' }` */
export type BookingUpdate = z.input<typeof BookingUpdate>
