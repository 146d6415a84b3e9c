import { randomUUID } from 'node:crypto'
import { OctopusPro } from '@octopuspro/client'
import { createReferenceServer, type ReferenceServer } from '@octopuspro/reference-server'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createWorker,
  memoryCheckpoint,
  memoryDedupe,
  memoryQueue,
  recover,
  redisCheckpoint,
  WebhookEventHandler,
  type WebhookQueue,
} from '../../src/index.js'
import { waitFor } from './queue-flow.js'

const REDIS_URL = process.env.REDIS_URL
if (!REDIS_URL && process.env.CI) throw new Error('REDIS_URL must be set in CI: redisCheckpoint is tested on Redis')

const servers: ReferenceServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** A reference server (in process, no webhook endpoints) with `customers` customer.created events, and a client. */
async function serverWithEvents(customers: number) {
  const server = createReferenceServer({ ids: 'sequential' })
  servers.push(server)
  const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch, maxRetries: 0 })
  const create = async (count: number) => {
    for (let i = 0; i < count; i++) await op.customers.create({ name: `Customer ${i}` })
  }
  await create(customers)
  return { server, op, create, eventIds: () => server.events.list().map((event) => event.id) }
}

/** Counts handler runs per event id. */
function countingHandler() {
  const runs = new Map<string, number>()
  const handler = new WebhookEventHandler().onAny((event) => void runs.set(event.id, (runs.get(event.id) ?? 0) + 1))
  return { handler, runs }
}

describe('recover(op, webhooks, { checkpoint, queue }) against the reference server', () => {
  it('pages GET /v1/events onto the queue; a second run starts after the checkpoint', async () => {
    const { op, create, eventIds } = await serverWithEvents(250)
    const { handler, runs } = countingHandler()
    const queue = memoryQueue()
    const worker = createWorker(handler, { queue, concurrency: 4, dedupe: memoryDedupe() })
    const checkpoint = memoryCheckpoint()
    try {
      const first = await recover(op, handler, { checkpoint, queue })
      expect(first).toEqual({ events: 250, pages: 3, checkpoint: eventIds().at(-1) })
      expect(await checkpoint.get()).toBe(eventIds().at(-1))
      expect(await recover(op, handler, { checkpoint, queue })).toEqual({
        events: 0,
        pages: 1,
        checkpoint: eventIds().at(-1),
      })
      await create(5)
      expect(await recover(op, handler, { checkpoint, queue })).toMatchObject({ events: 5, pages: 1 })
      await waitFor('every event ran', () => runs.size === 255)
      expect([...runs.keys()]).toEqual(eventIds())
      expect([...runs.values()].every((count) => count === 1)).toBe(true)
    } finally {
      await worker.close()
      await queue.close()
    }
  })

  it('resumes where a failed run stopped: the checkpoint holds the last page that was queued', async () => {
    const { op, eventIds } = await serverWithEvents(150)
    const { handler } = countingHandler()
    const queue = memoryQueue()
    let adds = 0
    const failing: WebhookQueue = {
      ...queue,
      add: (job) => (++adds > 120 ? Promise.reject(new Error('Redis went away')) : queue.add(job)),
    }
    const checkpoint = memoryCheckpoint()
    await expect(recover(op, handler, { checkpoint, queue: failing, pageSize: 100 })).rejects.toThrow('Redis went away')
    expect(await checkpoint.get()).toBe(eventIds()[99])
    expect(await recover(op, handler, { checkpoint, queue, pageSize: 100 })).toEqual({
      events: 50,
      pages: 1,
      checkpoint: eventIds().at(-1),
    })
    // 120 were queued by the first run; the 20 of them the second run queued again were no-ops.
    expect((await queue.inbox.list({ limit: 1_000 })).map((entry) => entry.id)).toEqual(eventIds())
    await queue.close()
  })

  it('lists from `since` when the checkpoint is empty', async () => {
    const { op, create, server } = await serverWithEvents(3)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const since = new Date()
    // created_after is exclusive and timestamps have milliseconds: an event in the same millisecond is not after it.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await create(2)
    const { handler, runs } = countingHandler()
    const result = await recover(op, handler, { since, checkpoint: memoryCheckpoint() })
    expect(result.events).toBe(2)
    expect([...runs.keys()]).toEqual(
      server.events
        .list()
        .slice(3)
        .map((event) => event.id),
    )
  })

  it('without a queue runs the handlers here, skipping events the dedupe store has as handled', async () => {
    const { op, eventIds } = await serverWithEvents(4)
    const dedupe = memoryDedupe()
    const handledBefore = eventIds()[1]!
    const claim = await dedupe.claim(handledBefore)
    if (claim.status === 'new') await dedupe.complete(handledBefore, claim.token)
    const { handler, runs } = countingHandler()
    expect(await recover(op, handler, { dedupe })).toMatchObject({ events: 4, pages: 1 })
    expect([...runs.keys()]).toEqual(eventIds().filter((id) => id !== handledBefore))
    expect(await recover(op, handler, { dedupe })).toMatchObject({ events: 4 })
    expect([...runs.values()]).toEqual([1, 1, 1])
  })
})

describe.skipIf(!REDIS_URL)('redisCheckpoint (real Redis at REDIS_URL)', () => {
  it('keeps the checkpoint in Redis, so a run in another process starts where the first stopped', async () => {
    const key = `octopuspro-test:recover:${randomUUID()}`
    const [redisA, redisB] = [new Redis(REDIS_URL as string), new Redis(REDIS_URL as string)]
    try {
      const { op, create, eventIds } = await serverWithEvents(30)
      const { handler, runs } = countingHandler()
      expect(await recover(op, handler, { checkpoint: redisCheckpoint(redisA, { key }), pageSize: 20 })).toEqual({
        events: 30,
        pages: 2,
        checkpoint: eventIds().at(-1),
      })
      expect(await redisB.get(key)).toBe(eventIds().at(-1))
      await create(3)
      expect(await recover(op, handler, { checkpoint: redisCheckpoint(redisB, { key }) })).toMatchObject({ events: 3 })
      expect([...runs.keys()]).toEqual(eventIds())
    } finally {
      await redisA.del(key)
      await Promise.all([redisA.quit(), redisB.quit()])
    }
  })
})
