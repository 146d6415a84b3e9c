import * as z from 'zod/mini'
import { defineResource } from '../define-resource.js'
import { listQuery } from '../list.js'
import { Amount, Currency, DateOnly, Id, LineItems, Text } from '../primitives.js'

/** The stages of an invoice; `paid` is set by the server only. @example `InvoiceStatus.parse('open')` */
export const InvoiceStatus = z.enum(['draft', 'open', 'paid', 'void'])

const invoice = defineResource('invoice', 'invoice', {
  required: { customer_id: Id('customer'), line_items: LineItems },
  defaulted: { currency: Currency },
  defaults: { currency: 'usd' },
  optional: { booking_id: Id('booking'), due_date: DateOnly, notes: Text(5000) },
  computed: {
    number: z.string().check(z.regex(/^INV-\d{6,}$/)),
    status: InvoiceStatus,
    subtotal: Amount,
    tax: Amount,
    total: Amount,
    amount_paid: Amount,
    amount_due: Amount,
  },
})

/**
 * An invoice; `number`, totals, `amount_paid` and `amount_due` are set by the server.
 *
 * @example `Invoice.parse(body)`
 */
export const Invoice = invoice.schema
/**
 * The body of `POST /v1/invoices`: created `open` unless `status: 'draft'`.
 *
 * @example
 * ```ts
 * InvoiceCreate.parse({ customer_id: 'cus_1', line_items: [{ description: 'Visit', quantity: 1, unit_amount: 9900 }] })
 * ```
 */
export const InvoiceCreate = z.extend(invoice.create, { status: z._default(z.enum(['draft', 'open']), 'open') })
/**
 * The body of `PATCH /v1/invoices/{id}`: `status` may move draft → open and draft/open → void.
 *
 * @example `InvoiceUpdate.parse({ status: 'void' })`
 */
export const InvoiceUpdate = z.extend(invoice.update, { status: z.optional(z.enum(['open', 'void'])) })
/** The query of `GET /v1/invoices`. @example `InvoiceListQuery.parse({ status: 'open' })` */
export const InvoiceListQuery = listQuery({
  status: z.optional(InvoiceStatus),
  customer_id: z.optional(Id('customer')),
  booking_id: z.optional(Id('booking')),
})

/** An invoice. @example `const invoice: Invoice = await op.invoices.get('inv_123')` */
export type Invoice = z.output<typeof Invoice>
/**
 * The body of an invoice create.
 *
 * @example
 * ```ts
 * const body: InvoiceCreate = {
 *   customer_id: 'cus_123',
 *   line_items: [{ description: 'Gutter cleaning', quantity: 1, unit_amount: 18_000 }],
 * }
 * ```
 */
export type InvoiceCreate = z.input<typeof InvoiceCreate>
/** The body of an invoice update. @example `const body: InvoiceUpdate = { status: 'void' }` */
export type InvoiceUpdate = z.input<typeof InvoiceUpdate>
