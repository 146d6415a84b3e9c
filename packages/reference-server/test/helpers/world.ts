import type { client } from './api.js'

type Api = ReturnType<typeof client>

export const lineItems = [
  { description: 'Gutter cleaning', quantity: 1, unit_amount: 18_000, tax_rate: 10 },
  { description: 'Downpipe flush', quantity: 2, unit_amount: 2_500 },
]

async function create(api: Api, path: string, body: unknown): Promise<{ id: string } & Record<string, unknown>> {
  const res = await api('POST', `/v1/${path}`, { body })
  if (res.status !== 201) throw new Error(`POST /v1/${path} → ${res.status}: ${res.text}`)
  return res.body
}

/** A small business to reference: a customer, staff, an inquiry, a quote, a booking and an open invoice. */
export async function buildWorld(api: Api) {
  const customer = await create(api, 'customers', { name: 'Grace Hopper', email: 'grace@example.com' })
  const fieldworker = await create(api, 'users', { name: 'Sam Rivera', email: 'sam@example.com', role: 'fieldworker' })
  const dispatcher = await create(api, 'users', {
    name: 'Chris Walker',
    email: 'chris@example.com',
    role: 'dispatcher',
  })
  const inquiry = await create(api, 'inquiries', {
    name: 'Grace Hopper',
    service: 'Gutter cleaning',
    customer_id: customer.id,
  })
  const quote = await create(api, 'quotes', { customer_id: customer.id, inquiry_id: inquiry.id, line_items: lineItems })
  const booking = await create(api, 'bookings', {
    customer_id: customer.id,
    quote_id: quote.id,
    service: 'Gutter cleaning',
    scheduled_start: '2026-12-03T09:00:00.000Z',
    scheduled_end: '2026-12-03T11:00:00.000Z',
    assigned_user_ids: [fieldworker.id],
  })
  const invoice = await create(api, 'invoices', {
    customer_id: customer.id,
    booking_id: booking.id,
    line_items: lineItems,
  })
  return {
    customer,
    fieldworker,
    dispatcher,
    inquiry,
    quote,
    booking,
    invoice,
    create: (path: string, body: unknown) => create(api, path, body),
  }
}

export type World = Awaited<ReturnType<typeof buildWorld>>
