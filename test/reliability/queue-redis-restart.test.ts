import { createServer } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { OctopusPro } from '@octopuspro/client'
import { createReferenceServer, type ReferenceServer } from '@octopuspro/reference-server'
import { createWorker, nodeWebhooks, queueWebhooks, redisDedupe, Webhooks } from '@octopuspro/webhooks'
import { bullmqQueue } from '@octopuspro/webhooks/bullmq'
import { Redis } from 'ioredis'
import { afterAll, expect, it } from 'vitest'
import { startOwnRedis } from './helpers/own-redis.js'
import { runsPerEvent, waitUntil } from './helpers/processes.js'
import { describeWithRedis } from './helpers/redis.js'
import { recordFigures } from './helpers/results.js'

const EVENTS = 600
const RETRY_SCHEDULE = [50, 100, 200, 400, 800, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000]

// Runs with the Redis tests (REDIS_URL set; CI fails without it) though it never uses REDIS_URL's Redis: it starts
// and kills its own redis-server.
describeWithRedis('durable queue: Redis killed and restarted mid-run (own redis-server, AOF)', () => {
  const closers: (() => Promise<unknown>)[] = []
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined)
  })

  it('loses nothing and runs nothing twice: deliveries during the outage get 503 and are retried', async () => {
    const started = Date.now()
    const redis = await startOwnRedis()
    closers.push(() => redis.stop())
    const server: ReferenceServer = createReferenceServer({
      delivery: { retrySchedule: RETRY_SCHEDULE, timeoutMs: 5_000, jitter: 0, concurrencyPerEndpoint: 8 },
    })
    closers.push(() => server.close())
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch, maxRetries: 0 })
    const endpoint = await op.webhooks.create({
      name: 'queue door',
      url: 'http://127.0.0.1:9/hook',
      event_types: ['customer.created'],
    })

    const queue = bullmqQueue({
      connection: redis.url,
      backoffMs: 100,
      attempts: 10,
      addTimeoutMs: 1_000,
      lockDurationMs: 2_000,
      stalledIntervalMs: 1_000,
    })
    const webhooks = new Webhooks({ secret: endpoint.secret })
    const runs: string[] = []
    webhooks.on('customer.created', async (event) => {
      runs.push(`${process.pid} ${event.id}`)
      await sleep(2)
    })
    const reported: string[] = []
    webhooks.onError((error) => void reported.push(error.code))
    const dedupeClient = new Redis(redis.url)
    dedupeClient.on('error', () => undefined) // while Redis is down; its commands wait and are retried
    const worker = createWorker(webhooks, { queue, concurrency: 8, dedupe: redisDedupe(dedupeClient) })
    const http = createServer(nodeWebhooks(queueWebhooks(webhooks, { queue })))
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    closers.push(async () => {
      http.closeAllConnections()
      http.close()
      await worker.close()
      await queue.close()
      dedupeClient.disconnect()
    })
    await op.webhooks.update(endpoint.id, { url: `http://127.0.0.1:${(http.address() as { port: number }).port}/` })

    // Customers keep coming while Redis is killed (a crash: SIGKILL) and, a second later, started again.
    const creating = (async () => {
      for (let i = 0; i < EVENTS; i += 10) {
        await Promise.all(Array.from({ length: 10 }, (_, j) => op.customers.create({ name: `Customer ${i + j}` })))
        await sleep(10)
      }
    })()
    await waitUntil('a third of the events ran', () => runs.length >= EVENTS / 3, 30_000)
    await redis.kill()
    const handledWhenKilled = runs.length
    await sleep(1_000)
    await redis.start()
    await creating
    const eventIds = server.events.list().map((e) => e.id)
    await waitUntil('every event ran', () => runsPerEvent(runs).size >= EVENTS, 60_000)
    await waitUntil(
      'every delivery succeeded',
      () => server.deliveries.list().every((d) => d.status === 'succeeded'),
      30_000,
    )
    await sleep(500) // a job stalled by the outage would run again now: give it the time to show
    const attempts = server.deliveries.list().flatMap((d) => d.attempts)
    const unavailable = attempts.filter((a) => a.status_code === 503).length
    const refused = attempts.filter((a) => a.status_code === null).length
    const perEvent = runsPerEvent(runs)
    const lost = eventIds.filter((id) => !perEvent.has(id)).length
    const duplicates = [...perEvent.values()].reduce((n, pids) => n + pids.length - 1, 0)
    const deadLettered = await queue.inbox.list({ state: 'failed' })
    recordFigures({
      file: import.meta.url,
      id: '6-queue-redis-restart',
      title: 'Durable queue: Redis killed and restarted mid-run',
      summary: {
        tried: attempts.length,
        faults: 1 + unavailable + refused,
        lost,
        duplicates,
        wrong: deadLettered.length,
      },
      figures: [
        { label: 'events', value: EVENTS },
        { label: 'redis-server killed (SIGKILL) and restarted, AOF appendfsync always', value: 1 },
        { label: 'events handled before the kill', value: handledWhenKilled },
        { label: 'delivery attempts', value: attempts.length },
        { label: '… answered 503 queue_unavailable (Redis down)', value: unavailable },
        { label: '… failed without an answer', value: refused },
        { label: 'errors reported to onError', value: reported.length },
        { label: 'jobs dead-lettered', value: deadLettered.length },
        { label: 'events lost', value: lost },
        { label: 'duplicates run', value: duplicates },
        { label: 'time (s)', value: ((Date.now() - started) / 1000).toFixed(1) },
      ],
    })
    expect(eventIds).toHaveLength(EVENTS)
    expect(lost).toBe(0)
    expect(duplicates).toBe(0)
    expect(deadLettered).toEqual([])
    expect(unavailable).toBeGreaterThan(0)
  }, 120_000)
})
