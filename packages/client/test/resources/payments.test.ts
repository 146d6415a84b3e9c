import { describe, expect, it } from 'vitest'
import { ConflictError, UnprocessableEntityError } from '../../src/index.js'
import { anOpenInvoice, aPendingPayment } from '../helpers/fixtures.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('payments (%s)', (door) => {
  const ctx = useServer(door)

  it('create, get, list', async () => {
    const payment = await aPendingPayment(ctx.op, 4_000)
    expect(payment).toMatchObject({
      object: 'payment',
      amount: 4_000,
      currency: 'usd',
      method: 'card',
      gateway: 'authorize_net',
      status: 'pending',
      amount_refunded: 0,
    })
    expect(await ctx.op.payments.get(payment.id)).toEqual(payment)
    expect((await ctx.op.payments.list({ invoice_id: payment.invoice_id!, status: 'pending' })).data).toEqual([payment])
    expect((await ctx.op.payments.list({ status: 'approved' })).data).toEqual([])
  })

  it('approve pays the invoice; refund in part, then the rest', async () => {
    const invoice = await anOpenInvoice(ctx.op, 10_000)
    const payment = await ctx.op.payments.create({
      customer_id: invoice.customer_id,
      invoice_id: invoice.id,
      amount: 10_000,
      method: 'cash',
      gateway: 'manual',
    })
    expect(await ctx.op.payments.approve(payment.id)).toMatchObject({ status: 'approved' })
    expect(await ctx.op.invoices.get(invoice.id)).toMatchObject({ status: 'paid', amount_paid: 10_000, amount_due: 0 })
    expect(await ctx.op.payments.refund(payment.id, { amount: 2_500 })).toMatchObject({
      status: 'partially_refunded',
      amount_refunded: 2_500,
    })
    await expect(ctx.op.payments.refund(payment.id, { amount: 9_000 })).rejects.toBeInstanceOf(UnprocessableEntityError)
    expect(await ctx.op.payments.refund(payment.id)).toMatchObject({ status: 'refunded', amount_refunded: 10_000 })
  })

  it('reject keeps the reason; a rejected payment cannot be approved', async () => {
    const payment = await aPendingPayment(ctx.op)
    expect(await ctx.op.payments.reject(payment.id, { reason: 'card declined' })).toMatchObject({
      status: 'rejected',
      failure_reason: 'card declined',
    })
    await expect(ctx.op.payments.approve(payment.id)).rejects.toBeInstanceOf(ConflictError)
  })
})
