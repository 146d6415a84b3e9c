import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { OctopusPro } from '@octopuspro/client'
import {
  createReferenceServer,
  type ManualClock,
  manualClock,
  type ReferenceServer,
} from '@octopuspro/reference-server'
import { nodeWebhooks } from '@octopuspro/webhooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bookJob } from '../src/book-job.js'
import { createJobBoardReceiver, type Job } from '../src/job-board.js'

const form = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  service: 'Gutter cleaning',
  start: '2026-12-01T09:00:00.000Z',
  end: '2026-12-01T11:00:00.000Z',
}

describe('in process: createReferenceServer + fetch: server.fetch (no port)', () => {
  // #region setup
  let server: ReferenceServer
  let op: OctopusPro
  let clock: ManualClock
  let deliver: (request: Request) => Promise<Response> // where webhooks go: set by each test

  beforeEach(() => {
    clock = manualClock('2026-11-27T10:00:00.000Z')
    server = createReferenceServer({
      ids: 'sequential', // cus_0000000000000000000002, … — exact ids in assertions
      clock, // timestamps are exact; retries wait for clock.advance()
      delivery: { retrySchedule: [60_000], jitter: 0, fetch: (input, init) => deliver(new Request(input, init)) },
    })
    op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
  })
  afterEach(() => server.close())
  // #endregion setup

  it('bookJob creates the customer once and a pending booking', async () => {
    const { customer, booking } = await bookJob(op, form)
    expect(customer).toEqual({
      id: 'cus_0000000000000000000002',
      object: 'customer',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: null,
      company: null,
      address: null,
      tags: ['website'],
      notes: null,
      metadata: {},
      created_at: '2026-11-27T10:00:00.000Z',
      updated_at: '2026-11-27T10:00:00.000Z',
    })
    expect(booking).toMatchObject({ customer_id: customer.id, status: 'pending', service: 'Gutter cleaning' })

    const again = await bookJob(op, form)
    expect(again.customer.id).toBe(customer.id) // found by email, not created twice
    expect((await op.customers.list()).data).toHaveLength(1)
  })

  it('the booking reaches my receiver, signed and verified, and lands on the job board', async () => {
    // #region deliveries
    const board: Job[] = []
    const endpoint = await op.webhooks.create({
      name: 'Job board',
      url: 'https://jobs.example.com/webhooks',
      event_types: ['booking.created'],
    })
    const receiver = createJobBoardReceiver(endpoint.secret, board, { now: () => clock.now() }) // the server's clock
    deliver = receiver.handle // deliveries go straight to the receiver's fetch door

    const { booking } = await bookJob(op, form)

    const delivery = await server.deliveries.waitFor({ type: 'booking.created', status: 'succeeded' })
    expect(delivery.attempts.map((a) => a.status_code)).toEqual([204])
    expect(board).toEqual([{ bookingId: booking.id, service: 'Gutter cleaning', start: '2026-12-01T09:00:00.000Z' }])
    // #endregion deliveries
  })

  it('a receiver that fails is retried on the schedule: advance the clock', async () => {
    const board: Job[] = []
    const endpoint = await op.webhooks.create({
      name: 'Job board',
      url: 'https://jobs.example.com/webhooks',
      event_types: ['booking.created'],
    })
    const receiver = createJobBoardReceiver(endpoint.secret, board, { now: () => clock.now() })
    // #region retry
    let down = true // the job board is down for the first attempt
    deliver = async (request) => (down ? new Response('maintenance', { status: 503 }) : receiver.handle(request))

    await bookJob(op, form)
    const failed = await server.deliveries.waitFor({ type: 'booking.created' })
    await server.deliveries.idle()
    expect(server.deliveries.list()[0]).toMatchObject({
      status: 'pending',
      next_attempt_at: '2026-11-27T10:01:00.000Z',
    })
    expect(board).toEqual([])

    down = false
    await clock.advance(60_000) // the retry is sent and recorded when this resolves
    const retried = await server.deliveries.waitFor({ eventId: failed.event_id, status: 'succeeded' })
    expect(retried.attempts.map((a) => [a.at, a.status_code])).toEqual([
      ['2026-11-27T10:00:00.000Z', 503],
      ['2026-11-27T10:01:00.000Z', 204],
    ])
    expect(board).toHaveLength(1)
    // #endregion retry
  })

  it('events have exact bodies: sequential ids and a frozen clock', async () => {
    const { customer } = await bookJob(op, form)
    // #region events
    const event = await server.events.waitFor({ type: 'customer.created' })
    expect(event).toEqual({
      id: 'evt_0000000000000000000003',
      object: 'event',
      type: 'customer.created',
      timestamp: '2026-11-27T10:00:00.000Z',
      api_version: '2026-11-01',
      data: customer,
    })
    // #endregion events
  })

  it('my code survives a flaky API: the client retries, the idempotency key prevents a second booking', async () => {
    // #region faults
    // created, then the answer is lost
    server.faults.add({ match: 'POST /v1/bookings', status: 502, after: true, times: 1 })
    const { booking } = await bookJob(op, form)
    expect((await op.bookings.list()).data.map((b) => b.id)).toEqual([booking.id])
    // #endregion faults
  })
})

describe('on a port: the receiver as it runs in production (node:http)', () => {
  it('receives the booking over HTTP', async () => {
    const server = createReferenceServer()
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
    const board: Job[] = []
    const http = createServer()
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/webhooks`
      const endpoint = await op.webhooks.create({ name: 'Job board', url, event_types: ['booking.created'] })
      http.on('request', nodeWebhooks(createJobBoardReceiver(endpoint.secret, board)))

      const { booking } = await bookJob(op, form)
      const delivery = await server.deliveries.waitFor(
        { type: 'booking.created', status: 'succeeded' },
        { timeout: 5_000 },
      )
      expect(delivery).toMatchObject({ endpoint_id: endpoint.id, attempts: [{ status_code: 204 }] })
      expect(board.map((job) => job.bookingId)).toEqual([booking.id])
    } finally {
      await server.close()
      await new Promise((resolve) => http.close(resolve))
    }
  })
})
