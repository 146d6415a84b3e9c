import * as z from 'zod/mini'
import { defineResource } from '../define-resource.js'
import { listQuery } from '../list.js'
import { Amount, Currency, Id, PositiveAmount, Text } from '../primitives.js'

/** How a payment was made. @example `PaymentMethod.parse('card')` */
export const PaymentMethod = z.enum(['card', 'bank_transfer', 'cash', 'check', 'other'])
/**
 * The gateway that processed a payment (`manual` for cash, checks, …).
 *
 * @example `PaymentGateway.parse('authorize_net')`
 */
export const PaymentGateway = z.enum(['authorize_net', 'wepay', 'eway', 'tap', 'manual'])
/** The stages of a payment. @example `PaymentStatus.parse('approved')` */
export const PaymentStatus = z.enum(['pending', 'approved', 'rejected', 'refunded', 'partially_refunded'])

const payment = defineResource('payment', 'payment', {
  required: { customer_id: Id('customer'), amount: PositiveAmount, method: PaymentMethod },
  defaulted: { currency: Currency, gateway: PaymentGateway },
  defaults: { currency: 'usd', gateway: 'manual' },
  optional: { invoice_id: Id('invoice') },
  computed: { status: PaymentStatus, amount_refunded: Amount, failure_reason: z.nullable(z.string()) },
})

/**
 * A payment: created `pending`, then approved, rejected or refunded through the actions.
 *
 * @example `Payment.parse(body)`
 */
export const Payment = payment.schema
/**
 * The body of `POST /v1/payments`.
 *
 * @example `PaymentCreate.parse({ customer_id: 'cus_1', invoice_id: 'inv_1', amount: 9900, method: 'card' })`
 */
export const PaymentCreate = payment.create
/** The body of `POST /v1/payments/{id}/reject`. @example `PaymentReject.parse({ reason: 'Card declined' })` */
export const PaymentReject = z.strictObject({ reason: Text(500) })
/**
 * The body of `POST /v1/payments/{id}/refund`; without `amount`, all that is left is refunded.
 *
 * @example `PaymentRefund.parse({ amount: 500 })`
 */
export const PaymentRefund = z.strictObject({ amount: z.optional(PositiveAmount) })
/** The query of `GET /v1/payments`. @example `PaymentListQuery.parse({ status: 'pending' })` */
export const PaymentListQuery = listQuery({
  status: z.optional(PaymentStatus),
  customer_id: z.optional(Id('customer')),
  invoice_id: z.optional(Id('invoice')),
})

/** A payment. @example `const payment: Payment = await op.payments.get('pay_123')` */
export type Payment = z.output<typeof Payment>
/**
 * The body of a payment create.
 *
 * @example
 * ```ts
 * const body: PaymentCreate = { customer_id: 'cus_123', invoice_id: 'inv_123', amount: 19_800, method: 'card' }
 * ```
 */
export type PaymentCreate = z.input<typeof PaymentCreate>
/** The body of a payment rejection. @example `const body: PaymentReject = { reason: 'Card declined' }` */
export type PaymentReject = z.input<typeof PaymentReject>
/** The body of a payment refund. @example `const body: PaymentRefund = { amount: 5_000 }` */
export type PaymentRefund = z.input<typeof PaymentRefund>
