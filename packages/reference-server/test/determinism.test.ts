import { afterEach, describe, expect, it } from 'vitest'
import { createReferenceServer, manualClock } from '../src/index.js'
import { client } from './helpers/api.js'
import { startReceiver } from './helpers/receiver.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

/** One scenario through the API; returns every response text (except the endpoint secret) and the bytes received. */
async function scenario(url: string) {
  const clock = manualClock('2026-11-27T10:00:00.000Z')
  const server = createReferenceServer({ ids: 'sequential', clock, delivery: { retrySchedule: [10], jitter: 0 } })
  closers.push(() => server.close())
  const api = client(server)
  const texts: string[] = []
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await api(method, path, { body })
    texts.push(`${res.status} ${res.headers.get('x-request-id')} ${res.text}`)
    await clock.advance(1000)
    return res.body
  }
  const endpoint = (await api('POST', '/v1/webhooks', { body: { name: 'all', url, event_types: ['*'] } })).body
  const customer = await send('POST', '/v1/customers', { name: 'Ada Lovelace', tags: ['vip'] })
  const user = await send('POST', '/v1/users', { name: 'Sam', email: 'sam@example.com', role: 'fieldworker' })
  const booking = await send('POST', '/v1/bookings', {
    customer_id: customer.id,
    service: 'Gutter cleaning',
    scheduled_start: '2026-12-03T09:00:00.000Z',
    scheduled_end: '2026-12-03T11:00:00.000Z',
  })
  const appointment = await send('POST', '/v1/appointments', {
    booking_id: booking.id,
    fieldworker_id: user.id,
    scheduled_start: '2026-12-03T09:00:00.000Z',
    scheduled_end: '2026-12-03T11:00:00.000Z',
  })
  await send('POST', `/v1/appointments/${appointment.id}/arrive`)
  const invoice = await send('POST', '/v1/invoices', {
    customer_id: customer.id,
    line_items: [{ description: 'Gutters', quantity: 1, unit_amount: 18_000, tax_rate: 10 }],
  })
  const payment = await send('POST', '/v1/payments', {
    customer_id: customer.id,
    invoice_id: invoice.id,
    amount: invoice.total,
    method: 'card',
  })
  await send('POST', `/v1/payments/${payment.id}/approve`)
  await send('PATCH', `/v1/customers/${customer.id}`, { phone: '+1 555 0100' })
  await send('GET', '/v1/customers/cus_missing')
  await send('GET', '/v1/events?limit=100')
  await server.deliveries.idle()
  return { server, texts, events: JSON.stringify(server.events.list()), endpoint }
}

describe('deterministic mode (sequential ids + manual clock)', () => {
  it('gives byte-identical responses, events and delivered bodies on every run', async () => {
    const receiver = await startReceiver()
    closers.push(receiver.close)
    const first = await scenario(receiver.url)
    const firstBodies = receiver.received.splice(0).map((r) => r.body)
    const second = await scenario(receiver.url)
    const secondBodies = receiver.received.splice(0).map((r) => r.body)
    expect(second.texts).toEqual(first.texts)
    expect(second.events).toBe(first.events)
    expect(secondBodies.sort()).toEqual(firstBodies.sort())
    expect(firstBodies).toHaveLength(10)
  })

  it('ids and timestamps are exactly assertable', async () => {
    const receiver = await startReceiver()
    closers.push(receiver.close)
    const { texts, server } = await scenario(receiver.url)
    expect(texts[0]).toBe(
      '201 req_0000000000000000000002 {"id":"cus_0000000000000000000003","object":"customer","name":"Ada ' +
        'Lovelace","tags":["vip"],"email":null,"phone":null,"company":null,"address":null,"notes":null,' +
        '"metadata":{},"created_at":"2026-11-27T10:00:00.000Z","updated_at":"2026-11-27T10:00:00.000Z"}',
    )
    expect(JSON.stringify(server.events.list()[0])).toBe(
      '{"id":"evt_0000000000000000000004","object":"event","type":"customer.created",' +
        '"timestamp":"2026-11-27T10:00:00.000Z","api_version":"2026-11-01",' +
        '"data":{"id":"cus_0000000000000000000003","object":"customer","name":"Ada Lovelace","tags":["vip"],' +
        '"email":null,"phone":null,"company":null,"address":null,"notes":null,"metadata":{},' +
        '"created_at":"2026-11-27T10:00:00.000Z","updated_at":"2026-11-27T10:00:00.000Z"}}',
    )
  })

  it('reset() answers like a new server: same ids, same bodies, the ready key still works', async () => {
    const clock = manualClock('2026-11-27T10:00:00.000Z')
    const server = createReferenceServer({ ids: 'sequential', clock })
    closers.push(() => server.close())
    const api = client(server)
    const before = (await api('POST', '/v1/customers', { body: { name: 'Ada' } })).text
    await api('POST', '/v1/api-keys', { body: { name: 'extra' } })
    await api('POST', '/v1/customers', { body: { name: 'Grace' }, headers: { 'idempotency-key': 'k' } })
    server.reset()
    expect(server.events.list()).toEqual([])
    expect((await api('GET', '/v1/api-keys')).body.data.map((k: { name: string }) => k.name)).toEqual(['Ready key'])
    expect((await api('POST', '/v1/customers', { body: { name: 'Ada' } })).text).toBe(before)
    expect(
      (
        await api('POST', '/v1/customers', { body: { name: 'Grace' }, headers: { 'idempotency-key': 'k' } })
      ).headers.get('idempotent-replayed'),
    ).toBeNull()
  })
})
