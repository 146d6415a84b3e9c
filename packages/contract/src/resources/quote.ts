import * as z from 'zod/mini'
import { defineResource } from '../define-resource.js'
import { listQuery } from '../list.js'
import { Amount, Currency, DateOnly, Id, LineItems, Text } from '../primitives.js'

/** The stages of a quote. @example `QuoteStatus.parse('accepted')` */
export const QuoteStatus = z.enum(['draft', 'sent', 'accepted', 'declined', 'expired'])

const quote = defineResource('quote', 'quote', {
  required: { customer_id: Id('customer'), line_items: LineItems },
  defaulted: { status: QuoteStatus, currency: Currency },
  defaults: { status: 'draft', currency: 'usd' },
  optional: { inquiry_id: Id('inquiry'), valid_until: DateOnly, notes: Text(5000) },
  computed: { subtotal: Amount, tax: Amount, total: Amount },
})

/** A quote: priced line items offered to a customer; totals are computed by the server. @example `Quote.parse(body)` */
export const Quote = quote.schema
/**
 * The body of `POST /v1/quotes`.
 *
 * @example
 * ```ts
 * QuoteCreate.parse({ customer_id: 'cus_1', line_items: [{ description: 'Visit', quantity: 1, unit_amount: 9900 }] })
 * ```
 */
export const QuoteCreate = quote.create
/** The body of `PATCH /v1/quotes/{id}`. @example `QuoteUpdate.parse({ status: 'accepted' })` */
export const QuoteUpdate = quote.update
/** The query of `GET /v1/quotes`. @example `QuoteListQuery.parse({ status: 'sent' })` */
export const QuoteListQuery = listQuery({ status: z.optional(QuoteStatus), customer_id: z.optional(Id('customer')) })

/** A quote. @example `const quote: Quote = await op.quotes.get('quo_123')` */
export type Quote = z.output<typeof Quote>
/**
 * The body of a quote create.
 *
 * @example
 * ```ts
 * const body: QuoteCreate = {
 *   customer_id: 'cus_123',
 *   line_items: [{ description: 'Roof inspection', quantity: 1, unit_amount: 50_000 }],
 * }
 * ```
 */
export type QuoteCreate = z.input<typeof QuoteCreate>
/** The body of a quote update. @example `const body: QuoteUpdate = { status: 'accepted' }` */
export type QuoteUpdate = z.input<typeof QuoteUpdate>
