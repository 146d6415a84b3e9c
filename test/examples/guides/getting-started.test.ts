import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { startReferenceServer } from '@octopuspro/reference-server'
import { afterAll, expect, it, vi } from 'vitest'

// docs/getting-started.md, step by step: its samples are modules that read the environment, imported in order.
it('first calls, a subscription and a receiver: the booking arrives', async () => {
  let receiverPort = 0
  // The samples say 127.0.0.1:3000; deliveries are sent to the receiver's real (free) port instead.
  const server = await startReferenceServer({
    seed: 'demo',
    delivery: {
      fetch: (input, init) => fetch(String(input).replace('127.0.0.1:3000', `127.0.0.1:${receiverPort}`), init),
    },
  })
  afterAll(() => server.close())
  vi.stubEnv('OCTOPUSPRO_API_KEY', server.apiKey)
  vi.stubEnv('OCTOPUSPRO_BASE_URL', server.baseUrl)
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})

  const { customer, booking, vips } = await import('./samples/first-calls.js')
  expect(customer).toMatchObject({ object: 'customer', name: 'Ada Lovelace', email: 'ada@example.com' })
  expect(booking).toMatchObject({ object: 'booking', customer_id: customer.id, status: 'pending' })
  expect(vips.length).toBeGreaterThan(0)
  expect(vips.every((c) => c.tags.includes('vip'))).toBe(true)

  const { endpoint } = await import('./samples/subscribe.js')
  expect(endpoint).toMatchObject({ event_types: ['booking.created'], active: true })
  expect(log).toHaveBeenCalledWith(endpoint.secret)

  vi.stubEnv('OCTOPUSPRO_WEBHOOK_SECRET', endpoint.secret)
  vi.stubEnv('PORT', '0')
  const receiver = await import('./samples/first-receiver.js')
  if (!receiver.server.listening) await once(receiver.server, 'listening')
  receiverPort = (receiver.server.address() as AddressInfo).port
  afterAll(() => new Promise((resolve) => receiver.server.close(resolve)))

  const { op } = await import('./samples/first-calls.js')
  const next = await op.bookings.create({
    customer_id: customer.id,
    service: 'Window cleaning',
    scheduled_start: '2026-12-02T09:00:00.000Z',
    scheduled_end: '2026-12-02T10:00:00.000Z',
  })
  const delivery = await server.deliveries.waitFor({ type: 'booking.created', status: 'succeeded' })
  expect(delivery.attempts.map((a) => a.status_code)).toEqual([204])
  await vi.waitFor(() =>
    expect(log).toHaveBeenCalledWith(`new booking ${next.id}: Window cleaning at 2026-12-02T09:00:00.000Z`),
  )
  vi.unstubAllEnvs()
  log.mockRestore()
})
