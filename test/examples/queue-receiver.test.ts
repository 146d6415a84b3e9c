import { randomUUID } from 'node:crypto'
import { OctopusPro } from '@octopuspro/client'
import { generateWebhookSecret } from '@octopuspro/contract'
import { startReferenceServer } from '@octopuspro/reference-server'
import { createTestEvent, sendTestWebhook } from '@octopuspro/webhooks/testing'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningExample, runExample } from './helpers/run-example.js'

const redisUrl = process.env.REDIS_URL
if (!redisUrl && process.env.CI)
  throw new Error('REDIS_URL must be set in CI: the queue-receiver example queues on Redis')

/** Polls `condition` until it holds (the workers run in other processes); fails after 15 s. */
async function eventually(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.skipIf(!redisUrl)('examples/queue-receiver (Express + BullMQ, one receiver and two workers)', () => {
  const secret = generateWebhookSecret()
  const prefix = `octopuspro-examples:${randomUUID()}`
  const env = { OCTOPUSPRO_WEBHOOK_SECRET: secret, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, BACKOFF_MS: '20' }
  let receiver: RunningExample
  let workers: RunningExample[]
  let base: string

  beforeAll(async () => {
    receiver = runExample('queue-receiver', 'receiver', { ...env, PORT: '0', HOST: '127.0.0.1' })
    workers = ['a', 'b'].map((name) => runExample('queue-receiver', 'worker', { ...env, WORKER_NAME: name }))
    const listening = JSON.parse(await receiver.waitForLine((line) => line.includes('"msg":"listening"'))) as {
      port: number
    }
    base = `http://127.0.0.1:${listening.port}`
    await Promise.all(workers.map((worker) => worker.waitForLine((line) => line.includes('"msg":"worker ready"'))))
  })

  afterAll(async () => {
    await Promise.all([receiver, ...workers].map((process) => process?.stop()))
    const redis = new Redis(redisUrl!)
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length > 0) await redis.del(...keys)
    await redis.quit()
  })

  const jobCards = () =>
    workers.flatMap((worker) => worker.jsonLines().filter((line) => line.msg === 'job card created'))

  it('answers 202 at once; the two workers handle each event once, however often it is delivered', async () => {
    const events = Array.from({ length: 20 }, (_, i) =>
      createTestEvent('booking.created', { data: { service: `Service ${i}` } }),
    )
    const url = `${base}/webhooks/octopuspro`
    const first = await Promise.all(events.map((event) => sendTestWebhook(url, { secret, event })))
    const again = await Promise.all(events.map((event) => sendTestWebhook(url, { secret, event })))
    expect([...first, ...again].map((response) => response.status)).toEqual(Array(40).fill(202))
    expect(await first[0]!.json()).toEqual({ queued: true, id: events[0]!.id })

    await eventually('every event was handled', () => jobCards().length >= events.length)
    const cards = jobCards()
    expect(cards.map((line) => line.eventId).sort()).toEqual(events.map((event) => event.id).sort())
    expect(cards.find((line) => line.eventId === events[3]!.id)).toMatchObject({ service: 'Service 3' })
    const entry = (await (await fetch(`${base}/inbox/${events[0]!.id}`)).json()) as Record<string, unknown>
    expect(entry).toMatchObject({ id: events[0]!.id, type: 'booking.created', state: 'completed', attempts: 1 })
  })

  it('dead-letters an event whose handler keeps failing, lists it in the inbox, replays it on request', async () => {
    const event = createTestEvent('payment.approved', { data: { amount: 2_500_000 } })
    expect((await sendTestWebhook(`${base}/webhooks/octopuspro`, { secret, event })).status).toBe(202)
    const failed = async () =>
      ((await (await fetch(`${base}/inbox?state=failed`)).json()) as { data: { id: string; lastError: string }[] }).data
    await eventually('the event is dead-lettered', async () => (await failed()).some((e) => e.id === event.id))
    expect((await failed()).find((e) => e.id === event.id)).toMatchObject({
      attempts: 5,
      lastError:
        `1 of 2 handlers of payment.approved (${event.id}) failed: payment ${event.data.id} is over the ` +
        `auto-booking limit; book it by hand, then replay it`,
    })
    const replay = await fetch(`${base}/inbox/${event.id}/replay`, { method: 'POST' })
    expect([replay.status, await replay.json()]).toEqual([202, { replayed: true }])
    const unknown = await fetch(`${base}/inbox/evt_unknown/replay`, { method: 'POST' })
    expect([unknown.status, await unknown.json()]).toEqual([409, { replayed: false }])
    expect((await fetch(`${base}/inbox?state=lost`)).status).toBe(400)
  })

  it('refuses a delivery signed with another secret (401) and queues nothing', async () => {
    const event = createTestEvent('booking.created')
    const response = await sendTestWebhook(`${base}/webhooks/octopuspro`, { secret: generateWebhookSecret(), event })
    expect(response.status).toBe(401)
    expect((await fetch(`${base}/inbox/${event.id}`)).status).toBe(404)
  })

  it('catches up from GET /v1/events onto the queue; a second run starts at its checkpoint in Redis', async () => {
    const server = await startReferenceServer()
    try {
      const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 })
      const customers = await Promise.all([1, 2, 3].map((n) => op.customers.create({ name: `Missed ${n}` })))
      const api = { OCTOPUSPRO_API_KEY: server.apiKey, OCTOPUSPRO_BASE_URL: server.baseUrl }
      const caughtUp = async () => {
        const run = runExample('queue-receiver', 'catch-up', { ...env, ...api })
        expect(await run.exited).toBe(0)
        return run.jsonLines().find((line) => line.msg === 'caught up')
      }
      const eventIds = (await op.events.list()).data.map((event) => event.id)
      expect(await caughtUp()).toMatchObject({ events: 3, pages: 1, checkpoint: eventIds.at(-1) })
      const handling = () =>
        workers.flatMap((worker) => worker.jsonLines().filter((line) => line.type === 'customer.created'))
      await eventually('the workers ran the missed events', () => handling().length >= customers.length)
      expect(handling().map((line) => line.eventId)).toEqual(expect.arrayContaining(eventIds))
      expect(await caughtUp()).toMatchObject({ events: 0, checkpoint: eventIds.at(-1) })
    } finally {
      await server.close()
    }
  })

  it('stops gracefully on SIGTERM (exit 0, nothing on stderr)', async () => {
    const worker = runExample('queue-receiver', 'worker', { ...env, WORKER_NAME: 'c' })
    await worker.waitForLine((line) => line.includes('"msg":"worker ready"'))
    expect(await worker.stop('SIGTERM')).toBe(0)
    expect(worker.stderr).toBe('')
    expect(worker.jsonLines().map((line) => line.msg)).toEqual(['worker ready', 'shutting down', 'stopped'])
  })
})
