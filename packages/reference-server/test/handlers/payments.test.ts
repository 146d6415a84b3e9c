import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { expectError, expectRoute, setup } from '../helpers/api.js'
import { buildWorld } from '../helpers/world.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

async function start() {
  current = setup({ clock: manualClock('2026-11-27T10:00:00.000Z'), ids: 'sequential' })
  const world = await buildWorld(current.api)
  const pay = async (amount: number, extra: Record<string, unknown> = {}) =>
    current.api('POST', '/v1/payments', {
      body: {
        customer_id: world.customer.id,
        invoice_id: world.invoice.id,
        amount,
        method: 'card',
        gateway: 'authorize_net',
        ...extra,
      },
    })
  return { ...current, world, pay, total: world.invoice.total as number }
}

describe('payments', () => {
  it('are created pending and emit payment.created', async () => {
    const { pay, server } = await start()
    const payment = expectRoute('payments.create', await pay(1_000))
    expect(payment).toMatchObject({
      status: 'pending',
      amount_refunded: 0,
      failure_reason: null,
      currency: 'usd',
      gateway: 'authorize_net',
    })
    expect(server.events.list().at(-1)).toMatchObject({ type: 'payment.created', data: payment })
  })

  it('approving pays the invoice: amount_paid up, amount_due down, paid at amount_due 0; events in order', async () => {
    const { api, pay, server, world, total } = await start()
    const first = (await pay(5_000)).body
    const second = (await pay(total - 5_000)).body
    const before = server.events.list().length
    const approved = expectRoute('payments.approve', await api('POST', `/v1/payments/${first.id}/approve`))
    expect(approved.status).toBe('approved')
    expect((await api('GET', `/v1/invoices/${world.invoice.id}`)).body).toMatchObject({
      status: 'open',
      amount_paid: 5_000,
      amount_due: total - 5_000,
    })
    await api('POST', `/v1/payments/${second.id}/approve`)
    const paid = (await api('GET', `/v1/invoices/${world.invoice.id}`)).body
    expect(paid).toMatchObject({ status: 'paid', amount_paid: total, amount_due: 0 })
    const events = server.events.list().slice(before)
    expect(events.map((e) => e.type)).toEqual([
      'payment.approved',
      'invoice.updated',
      'payment.approved',
      'invoice.updated',
    ])
    expect(events[0]?.previous_attributes).toEqual({ status: 'pending' })
    expect(events[3]?.previous_attributes).toEqual({ status: 'open', amount_paid: 5_000, amount_due: total - 5_000 })
  })

  it('may only name an open invoice of the same customer and currency, for at most its amount_due', async () => {
    const { api, pay, world, total } = await start()
    expectError(await pay(total + 1), {
      status: 422,
      type: 'invalid_request_error',
      code: 'amount_invalid',
      param: 'amount',
      message: `exceeds the amount_due ${total}`,
    })
    expectError(await pay(100, { currency: 'eur' }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'currency',
      message: "invoice's currency 'usd'",
    })
    const other = await world.create('customers', { name: 'Someone else' })
    expectError(await pay(100, { customer_id: other.id }), {
      status: 422,
      type: 'invalid_request_error',
      code: 'reference_invalid',
      param: 'invoice_id',
      message: 'belongs to customer',
    })
    const draft = await world.create('invoices', {
      customer_id: world.customer.id,
      line_items: world.invoice.line_items,
      status: 'draft',
    })
    expectError(await pay(100, { invoice_id: draft.id }), {
      status: 409,
      type: 'conflict_error',
      code: 'invalid_state_transition',
      param: 'invoice_id',
      message: 'is draft; payments may only name an open invoice',
    })
    expectError(
      await api('POST', '/v1/payments', { body: { customer_id: world.customer.id, amount: 0, method: 'cash' } }),
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param: 'amount',
        message: 'greater than zero',
      },
    )
    expect(
      (await api('POST', '/v1/payments', { body: { customer_id: world.customer.id, amount: 999_999, method: 'cash' } }))
        .status,
    ).toBe(201)
  })

  it('approving rechecks the invoice: two pending payments cannot overpay it', async () => {
    const { api, pay, total } = await start()
    const a = (await pay(total)).body
    const b = (await pay(total)).body
    await api('POST', `/v1/payments/${a.id}/approve`)
    expectError(await api('POST', `/v1/payments/${b.id}/approve`), {
      status: 409,
      type: 'conflict_error',
      code: 'invalid_state_transition',
      message: 'is paid',
    })
    expect((await api('GET', `/v1/payments/${b.id}`)).body.status).toBe('pending')
  })

  it('reject records the reason; approve/reject of a non-pending payment is 409', async () => {
    const { api, pay, server } = await start()
    const payment = (await pay(1_000)).body
    const rejected = expectRoute(
      'payments.reject',
      await api('POST', `/v1/payments/${payment.id}/reject`, { body: { reason: 'Card declined' } }),
    )
    expect(rejected).toMatchObject({ status: 'rejected', failure_reason: 'Card declined' })
    expect(server.events.list().at(-1)).toMatchObject({
      type: 'payment.rejected',
      previous_attributes: { status: 'pending', failure_reason: null },
    })
    expectError(await api('POST', `/v1/payments/${payment.id}/approve`), {
      status: 409,
      type: 'conflict_error',
      code: 'invalid_state_transition',
      message: 'only a pending payment can be approved',
    })
    expectError(await api('POST', `/v1/payments/${payment.id}/reject`, { body: { reason: 'again' } }), {
      status: 409,
      type: 'conflict_error',
      code: 'invalid_state_transition',
      message: 'can be rejected',
    })
    expectError(await api('POST', `/v1/payments/${payment.id}/reject`, { body: {} }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param: 'reason',
    })
  })

  it('refunds in part then in full, reversing the invoice; each refund emits payment.refunded', async () => {
    const { api, pay, server, world, total } = await start()
    const payment = (await pay(total)).body
    expectError(await api('POST', `/v1/payments/${payment.id}/refund`), {
      status: 409,
      type: 'conflict_error',
      code: 'invalid_state_transition',
      message: 'only an approved or partially refunded payment',
    })
    await api('POST', `/v1/payments/${payment.id}/approve`)
    const before = server.events.list().length
    const partial = expectRoute(
      'payments.refund',
      await api('POST', `/v1/payments/${payment.id}/refund`, { body: { amount: 1_000 } }),
    )
    expect(partial).toMatchObject({ status: 'partially_refunded', amount_refunded: 1_000 })
    expect((await api('GET', `/v1/invoices/${world.invoice.id}`)).body).toMatchObject({
      status: 'open',
      amount_paid: total - 1_000,
      amount_due: 1_000,
    })
    expectError(await api('POST', `/v1/payments/${payment.id}/refund`, { body: { amount: total } }), {
      status: 422,
      type: 'invalid_request_error',
      code: 'amount_invalid',
      param: 'amount',
      message: `the ${total - 1_000} left to refund`,
    })
    const rest = (await api('POST', `/v1/payments/${payment.id}/refund`)).body
    expect(rest).toMatchObject({ status: 'refunded', amount_refunded: total })
    expect((await api('GET', `/v1/invoices/${world.invoice.id}`)).body).toMatchObject({
      status: 'open',
      amount_paid: 0,
      amount_due: total,
    })
    expect(
      server.events
        .list()
        .slice(before)
        .map((e) => e.type),
    ).toEqual(['payment.refunded', 'invoice.updated', 'payment.refunded', 'invoice.updated'])
    expectError(await api('POST', `/v1/payments/${payment.id}/refund`), {
      status: 409,
      type: 'conflict_error',
      code: 'invalid_state_transition',
    })
  })

  it('has no update and no delete: 405', async () => {
    const { api, pay } = await start()
    const payment = (await pay(100)).body
    expect((await api('PATCH', `/v1/payments/${payment.id}`, { body: {} })).status).toBe(405)
    expect((await api('DELETE', `/v1/payments/${payment.id}`)).status).toBe(405)
  })
})
