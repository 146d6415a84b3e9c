import { type Invoice, Payment, type PaymentCreate, type Routes } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { APIError } from '../api-error.js'
import type { Call } from '../call.js'
import { invoices, settle } from './invoices.js'
import { crudHandlers, ResourceStore } from './resource-store.js'
import type { Handler } from './types.js'

/**
 * An invoice a payment may name: the customer's own, open, in the same currency, with enough left to pay. Checked
 * on create (errors name the body field) and again on approval (no body, so no `param`).
 */
function assertPayable(
  invoice: Invoice,
  payment: { customer_id: string; amount: number; currency: string },
  inBody: boolean,
): void {
  const param = (name: string) => (inBody ? { param: name } : {})
  if (invoice.customer_id !== payment.customer_id) {
    throw new APIError(
      'reference_invalid',
      `invoice '${invoice.id}' belongs to customer '${invoice.customer_id}', not '${payment.customer_id}'; use that ` +
        `customer or another invoice`,
      param('invoice_id'),
    )
  }
  if (invoice.status !== 'open') {
    throw new APIError(
      'invalid_state_transition',
      `invoice '${invoice.id}' is ${invoice.status}; payments may only name an open invoice`,
      param('invoice_id'),
    )
  }
  if (invoice.currency !== payment.currency) {
    throw new APIError(
      'parameter_invalid',
      `currency '${payment.currency}' does not match the invoice's currency '${invoice.currency}'`,
      param('currency'),
    )
  }
  if (payment.amount > invoice.amount_due) {
    throw new APIError(
      'amount_invalid',
      `amount ${payment.amount} exceeds the amount_due ${invoice.amount_due} of invoice '${invoice.id}'; pay at ` +
        `most what is due`,
      param('amount'),
    )
  }
}

/** Payments: created pending (emits `payment.created`); a financial record, so no update and no delete. */
export const payments = new ResourceStore<Payment, z.output<typeof PaymentCreate>, object>({
  resource: 'payments',
  kind: 'payment',
  schema: Payment,
  validate: (body, call) => {
    if (body.invoice_id) assertPayable(invoices.find(call, body.invoice_id), body, true)
  },
  compute: () => ({ status: 'pending', amount_refunded: 0, failure_reason: null }),
  events: { created: 'payment.created' },
})

function pending(payment: Payment, action: string): void {
  if (payment.status !== 'pending') {
    throw new APIError(
      'invalid_state_transition',
      `payment '${payment.id}' is ${payment.status}; only a pending payment can be ${action}`,
    )
  }
}

/** Moves the paid amount of the payment's invoice (if any) by `delta` and emits `invoice.updated`. */
function applyToInvoice(call: Call, payment: Payment, delta: number): void {
  if (!payment.invoice_id) return
  const invoice = invoices.find(call, payment.invoice_id)
  invoices.save(call, invoice, settle({ ...invoice, amount_paid: invoice.amount_paid + delta }), 'invoice.updated')
}

const approve: Handler<Routes['payments']['approve']> = ({ id, call }) => {
  const payment = payments.find(call, id)
  pending(payment, 'approved')
  if (payment.invoice_id) assertPayable(invoices.find(call, payment.invoice_id), payment, false)
  const approved = payments.save(call, payment, { ...payment, status: 'approved' }, 'payment.approved')
  applyToInvoice(call, approved, approved.amount)
  return approved
}

const reject: Handler<Routes['payments']['reject']> = ({ id, body, call }) => {
  const payment = payments.find(call, id)
  pending(payment, 'rejected')
  return payments.save(
    call,
    payment,
    { ...payment, status: 'rejected', failure_reason: body.reason },
    'payment.rejected',
  )
}

const refund: Handler<Routes['payments']['refund']> = ({ id, body, call }) => {
  const payment = payments.find(call, id)
  if (payment.status !== 'approved' && payment.status !== 'partially_refunded') {
    throw new APIError(
      'invalid_state_transition',
      `payment '${payment.id}' is ${payment.status}; only an approved or partially refunded payment can be refunded`,
    )
  }
  const left = payment.amount - payment.amount_refunded
  const amount = body.amount ?? left
  if (amount > left) {
    throw new APIError(
      'amount_invalid',
      `amount ${amount} exceeds the ${left} left to refund on payment '${payment.id}'`,
      { param: 'amount' },
    )
  }
  const refunded = payment.amount_refunded + amount
  const status = refunded === payment.amount ? 'refunded' : 'partially_refunded'
  const updated = payments.save(call, payment, { ...payment, amount_refunded: refunded, status }, 'payment.refunded')
  applyToInvoice(call, updated, -amount)
  return updated
}

const { list, create, get } = crudHandlers(payments)

export const paymentHandlers = { list, create, get, approve, reject, refund }
