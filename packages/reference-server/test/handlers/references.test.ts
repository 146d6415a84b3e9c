import { afterEach, describe, expect, it } from 'vitest'
import { expectError, setup } from '../helpers/api.js'
import { buildWorld, lineItems } from '../helpers/world.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

describe('references must exist (422 reference_invalid)', () => {
  const schedule = { scheduled_start: '2026-12-05T09:00:00.000Z', scheduled_end: '2026-12-05T10:00:00.000Z' }
  const cases: [string, (w: Awaited<ReturnType<typeof buildWorld>>) => Record<string, unknown>, string][] = [
    ['inquiries', () => ({ name: 'A', service: 'B', customer_id: 'cus_gone' }), 'customer_id'],
    ['inquiries', () => ({ name: 'A', service: 'B', assigned_user_id: 'usr_gone' }), 'assigned_user_id'],
    ['quotes', () => ({ customer_id: 'cus_gone', line_items: lineItems }), 'customer_id'],
    ['quotes', (w) => ({ customer_id: w.customer.id, inquiry_id: 'inq_gone', line_items: lineItems }), 'inquiry_id'],
    ['bookings', () => ({ customer_id: 'cus_gone', service: 'S', ...schedule }), 'customer_id'],
    ['bookings', (w) => ({ customer_id: w.customer.id, quote_id: 'quo_gone', service: 'S', ...schedule }), 'quote_id'],
    [
      'bookings',
      (w) => ({
        customer_id: w.customer.id,
        service: 'S',
        assigned_user_ids: [w.fieldworker.id, 'usr_gone'],
        ...schedule,
      }),
      'assigned_user_ids',
    ],
    ['appointments', (w) => ({ booking_id: 'bkg_gone', fieldworker_id: w.fieldworker.id, ...schedule }), 'booking_id'],
    ['appointments', (w) => ({ booking_id: w.booking.id, fieldworker_id: 'usr_gone', ...schedule }), 'fieldworker_id'],
    ['invoices', () => ({ customer_id: 'cus_gone', line_items: lineItems }), 'customer_id'],
    ['invoices', (w) => ({ customer_id: w.customer.id, booking_id: 'bkg_gone', line_items: lineItems }), 'booking_id'],
    ['payments', () => ({ customer_id: 'cus_gone', amount: 100, method: 'cash' }), 'customer_id'],
    [
      'payments',
      (w) => ({ customer_id: w.customer.id, invoice_id: 'inv_gone', amount: 100, method: 'cash' }),
      'invoice_id',
    ],
    ['complaints', () => ({ customer_id: 'cus_gone', subject: 'S', description: 'D' }), 'customer_id'],
    [
      'complaints',
      (w) => ({ customer_id: w.customer.id, booking_id: 'bkg_gone', subject: 'S', description: 'D' }),
      'booking_id',
    ],
    [
      'complaints',
      (w) => ({ customer_id: w.customer.id, assigned_user_id: 'usr_gone', subject: 'S', description: 'D' }),
      'assigned_user_id',
    ],
    [
      'communications',
      () => ({ channel: 'sms', direction: 'inbound', from: '1', to: '2', customer_id: 'cus_gone' }),
      'customer_id',
    ],
    [
      'communications',
      () => ({ channel: 'sms', direction: 'inbound', from: '1', to: '2', user_id: 'usr_gone' }),
      'user_id',
    ],
  ]

  it.each(cases)('POST /v1/%s with a missing %s', async (path, body, param) => {
    current = setup()
    const world = await buildWorld(current.api)
    const before = current.server.events.list().length
    const res = await current.api('POST', `/v1/${path}`, { body: body(world) })
    expectError(res, {
      status: 422,
      type: 'invalid_request_error',
      code: 'reference_invalid',
      param,
      message: `${param} '`,
    })
    expect(res.body.error.message).toMatch(/_gone' does not exist/)
    expect(current.server.events.list()).toHaveLength(before)
  })

  it('checks references on PATCH too', async () => {
    current = setup()
    const world = await buildWorld(current.api)
    expectError(
      await current.api('PATCH', `/v1/inquiries/${world.inquiry.id}`, { body: { customer_id: 'cus_gone' } }),
      {
        status: 422,
        type: 'invalid_request_error',
        code: 'reference_invalid',
        param: 'customer_id',
        message: "customer_id 'cus_gone' does not exist",
      },
    )
    expect((await current.api('GET', `/v1/inquiries/${world.inquiry.id}`)).body.customer_id).toBe(world.customer.id)
  })
})

describe('referential integrity on DELETE (409 resource_in_use naming one referrer)', () => {
  it('customer with a booking, user on an appointment, booking with an appointment, invoice with payment', async () => {
    current = setup()
    const { api } = current
    const world = await buildWorld(api)
    const appointment = await world.create('appointments', {
      booking_id: world.booking.id,
      fieldworker_id: world.fieldworker.id,
      scheduled_start: '2026-12-03T09:00:00.000Z',
      scheduled_end: '2026-12-03T11:00:00.000Z',
    })
    const payment = await world.create('payments', {
      customer_id: world.customer.id,
      invoice_id: world.invoice.id,
      amount: 500,
      method: 'cash',
    })

    expectError(await api('DELETE', `/v1/customers/${world.customer.id}`), {
      status: 409,
      type: 'conflict_error',
      code: 'resource_in_use',
      message: `customer '${world.customer.id}' is referenced by inquiry '${world.inquiry.id}' (customer_id)`,
    })
    expectError(await api('DELETE', `/v1/users/${world.fieldworker.id}`), {
      status: 409,
      type: 'conflict_error',
      code: 'resource_in_use',
      message: `referenced by booking '${world.booking.id}' (assigned_user_ids)`,
    })
    expectError(await api('DELETE', `/v1/bookings/${world.booking.id}`), {
      status: 409,
      type: 'conflict_error',
      code: 'resource_in_use',
      message: `referenced by appointment '${appointment.id}' (booking_id)`,
    })
    expectError(await api('DELETE', `/v1/invoices/${world.invoice.id}`), {
      status: 409,
      type: 'conflict_error',
      code: 'resource_in_use',
      message: `referenced by payment '${payment.id}' (invoice_id)`,
    })
    expectError(await api('DELETE', `/v1/quotes/${world.quote.id}`), {
      status: 409,
      type: 'conflict_error',
      code: 'resource_in_use',
      message: `booking '${world.booking.id}'`,
    })
    expectError(await api('DELETE', `/v1/inquiries/${world.inquiry.id}`), {
      status: 409,
      type: 'conflict_error',
      code: 'resource_in_use',
      message: `quote '${world.quote.id}'`,
    })
    expect((await api('GET', `/v1/customers/${world.customer.id}`)).status).toBe(200)
  })

  it('deletes once nothing references the object any more', async () => {
    current = setup()
    const { api } = current
    const world = await buildWorld(api)
    await api('PATCH', `/v1/bookings/${world.booking.id}`, { body: { assigned_user_ids: [] } })
    expect((await api('DELETE', `/v1/users/${world.fieldworker.id}`)).status).toBe(200)
  })
})
