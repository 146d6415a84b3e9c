import { computeTotals } from '@octopuspro/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { expectError, expectRoute, setup } from '../helpers/api.js'
import { buildWorld } from '../helpers/world.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

const items = [
  { description: 'Gutter clean', quantity: 1.5, unit_amount: 999, tax_rate: 10 },
  { description: 'Call-out', quantity: 1, unit_amount: 4_500 },
]

describe('quotes', () => {
  it('computes subtotal, tax and total from the line items (half up per line), again when they change', async () => {
    current = setup()
    const { api } = current
    const world = await buildWorld(api)
    const quote = expectRoute(
      'quotes.create',
      await api('POST', '/v1/quotes', { body: { customer_id: world.customer.id, line_items: items } }),
    )
    expect(quote).toMatchObject({ status: 'draft', currency: 'usd', subtotal: 5_999, tax: 150, total: 6_149 })
    expect(quote.line_items[1]).toEqual({ description: 'Call-out', quantity: 1, unit_amount: 4_500, tax_rate: 0 })
    const changed = (await api('PATCH', `/v1/quotes/${quote.id}`, { body: { line_items: [items[0]] } })).body
    expect(changed).toMatchObject(computeTotals([items[0]!]))
    const event = current.server.events.list().at(-1)
    expect(event?.previous_attributes).toMatchObject({ subtotal: 5_999, total: 6_149, line_items: quote.line_items })
  })

  it('rejects empty line items and a negative quantity', async () => {
    current = setup()
    const world = await buildWorld(current.api)
    expectError(await current.api('POST', '/v1/quotes', { body: { customer_id: world.customer.id, line_items: [] } }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'line_items',
      message: 'at least one line item',
    })
    expectError(
      await current.api('POST', '/v1/quotes', {
        body: { customer_id: world.customer.id, line_items: [{ ...items[0], quantity: -1 }] },
      }),
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param: 'line_items.0.quantity',
      },
    )
  })
})

describe('invoices', () => {
  it('are numbered INV-000001, INV-000002, … and created open with amount_due = total', async () => {
    current = setup()
    const { api } = current
    const world = await buildWorld(api)
    const second = expectRoute(
      'invoices.create',
      await api('POST', '/v1/invoices', {
        body: { customer_id: world.customer.id, line_items: items, due_date: '2026-12-31' },
      }),
    )
    expect(world.invoice.number).toBe('INV-000001')
    expect(second).toMatchObject({
      number: 'INV-000002',
      status: 'open',
      total: 6_149,
      amount_paid: 0,
      amount_due: 6_149,
      due_date: '2026-12-31',
    })
  })

  it('moves draft → open → void by PATCH; void and paid are final; paid is never set by PATCH', async () => {
    current = setup()
    const { api } = current
    const world = await buildWorld(api)
    const draft = (
      await api('POST', '/v1/invoices', {
        body: { customer_id: world.customer.id, line_items: items, status: 'draft' },
      })
    ).body
    expect(draft.status).toBe('draft')
    expectError(await api('PATCH', `/v1/invoices/${draft.id}`, { body: { status: 'paid' } }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'status',
    })
    expect((await api('PATCH', `/v1/invoices/${draft.id}`, { body: { status: 'open' } })).body.status).toBe('open')
    expect((await api('PATCH', `/v1/invoices/${draft.id}`, { body: { status: 'void' } })).body.status).toBe('void')
    expectError(await api('PATCH', `/v1/invoices/${draft.id}`, { body: { status: 'open' } }), {
      status: 409,
      type: 'conflict_error',
      code: 'invalid_state_transition',
      message: 'is void and can no longer be changed',
    })
    expect((await api('PATCH', `/v1/invoices/${draft.id}`, { body: { metadata: { note: 'archived' } } })).status).toBe(
      200,
    )
    const other = (await api('POST', '/v1/invoices', { body: { customer_id: world.customer.id, line_items: items } }))
      .body
    const payment = (
      await api('POST', '/v1/payments', {
        body: { customer_id: world.customer.id, invoice_id: other.id, amount: other.total, method: 'card' },
      })
    ).body
    await api('POST', `/v1/payments/${payment.id}/approve`)
    expectError(await api('PATCH', `/v1/invoices/${other.id}`, { body: { notes: 'late fee' } }), {
      status: 409,
      type: 'conflict_error',
      code: 'invalid_state_transition',
      message: 'is paid and can no longer be changed',
    })
    expectError(await api('PATCH', `/v1/invoices/${other.id}`, { body: { status: 'void' } }), {
      status: 409,
      type: 'conflict_error',
      code: 'invalid_state_transition',
      message: 'is paid',
    })
  })

  it('recomputes totals and amount_due when line items change, and refuses a total below what was paid', async () => {
    current = setup()
    const { api } = current
    const world = await buildWorld(api)
    const payment = (
      await api('POST', '/v1/payments', {
        body: { customer_id: world.customer.id, invoice_id: world.invoice.id, amount: 10_000, method: 'card' },
      })
    ).body
    await api('POST', `/v1/payments/${payment.id}/approve`)
    const edited = (
      await api('PATCH', `/v1/invoices/${world.invoice.id}`, { body: { line_items: items.concat(items) } })
    ).body
    expect(edited).toMatchObject({ total: 12_298, amount_paid: 10_000, amount_due: 2_298, status: 'open' })
    expectError(await api('PATCH', `/v1/invoices/${world.invoice.id}`, { body: { line_items: [items[1]] } }), {
      status: 422,
      type: 'invalid_request_error',
      code: 'amount_invalid',
      param: 'line_items',
      message: 'less than the 10000 already paid',
    })
  })
})
