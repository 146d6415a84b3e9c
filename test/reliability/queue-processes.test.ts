import { OctopusPro } from '@octopuspro/client'
import { createReferenceServer, type ReferenceServer } from '@octopuspro/reference-server'
import { bullmqQueue } from '@octopuspro/webhooks/bullmq'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  type FixtureProcess,
  killWhoStarted,
  runsPerEvent,
  startFixture,
  stopFixtures,
  waitUntil,
} from './helpers/processes.js'
import { deleteKeys, describeWithRedis, uniquePrefix } from './helpers/redis.js'
import { recordFigures } from './helpers/results.js'

const EVENTS = 5_000
const REDELIVERIES = 500
const FAULT_RATE = 0.3
const IN_FLIGHT_TTL_MS = 3_000
/** Each receiver's endpoint: customer.created goes to two of them at once. */
const SUBSCRIPTIONS = [['customer.created'], ['customer.updated'], ['customer.deleted', 'customer.created']] as const
const RETRY_SCHEDULE = [20, 50, 100, 200, 400, 800, 1_000, 1_000, 1_000, 1_000]

describeWithRedis('durable queue across processes (3 receivers, 3 workers, BullMQ on one Redis)', (redisUrl) => {
  const prefix = uniquePrefix('queue-processes')
  const queueName = 'webhooks'
  let redis: Redis
  let server: ReferenceServer
  const fixtures: FixtureProcess[] = []

  beforeAll(() => {
    redis = new Redis(redisUrl)
  })
  afterAll(async () => {
    await server?.close()
    await stopFixtures(fixtures)
    await deleteKeys(redis, prefix)
    await redis.quit()
  })

  it('handles each of 5,000 events (to 3 receivers, some to two at once, 30 % faults, redelivered) exactly once; a ' +
    'worker killed mid-handler loses its job to another, which handles it once', async () => {
    const started = Date.now()
    server = createReferenceServer({
      delivery: { retrySchedule: RETRY_SCHEDULE, timeoutMs: 5_000, jitter: 0, concurrencyPerEndpoint: 16 },
    })
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch, maxRetries: 0 })
    const endpoints = await Promise.all(
      SUBSCRIPTIONS.map((types, n) =>
        op.webhooks.create({ name: `receiver ${n + 1}`, url: 'http://127.0.0.1:9/hook', event_types: [...types] }),
      ),
    )
    const env = {
      SECRETS: JSON.stringify(endpoints.map((e) => e.secret)),
      REDIS_URL: redisUrl,
      PREFIX: prefix,
      QUEUE: queueName,
      FAULT_RATE: String(FAULT_RATE),
      IN_FLIGHT_TTL_MS: String(IN_FLIGHT_TTL_MS),
      SLOW_MS: '60000',
    }
    const receivers = await Promise.all(
      endpoints.map(() => startFixture('queue-receiver-process.ts', env, /listening (\d+)/)),
    )
    const workers = await Promise.all(endpoints.map(() => startFixture('queue-worker-process.ts', env, /ready/)))
    fixtures.push(...receivers, ...workers)
    await Promise.all(
      endpoints.map((endpoint, i) =>
        op.webhooks.update(endpoint.id, { url: `http://127.0.0.1:${receivers[i]!.ready[1]}/hook` }),
      ),
    )

    // Phase 1: created, updated and deleted customers (created ones go to two receivers at once), through faults;
    // then a sample of the deliveries is redelivered.
    const customers = Math.ceil(EVENTS / 3)
    const ids: string[] = []
    for (let i = 0; i < customers; i += 50) {
      const batch = Array.from({ length: Math.min(50, customers - i) }, (_, j) => `Customer ${i + j}`)
      ids.push(...(await Promise.all(batch.map((name) => op.customers.create({ name })))).map((c) => c.id))
    }
    for (let i = 0; i < customers; i += 50)
      await Promise.all(ids.slice(i, i + 50).map((id) => op.customers.update(id, { name: `Updated ${id}` })))
    const deletions = ids.slice(0, EVENTS - 2 * customers)
    for (let i = 0; i < deletions.length; i += 50)
      await Promise.all(deletions.slice(i, i + 50).map((id) => op.customers.delete(id)))
    const eventIds = server.events.list().map((e) => e.id)
    expect(eventIds).toHaveLength(EVENTS)
    const expectedDeliveries = EVENTS + customers
    await waitUntil(
      'every delivery succeeded',
      () => server.deliveries.list().every((d) => d.status === 'succeeded'),
      90_000,
    )
    const deliveries = server.deliveries.list()
    expect(deliveries).toHaveLength(expectedDeliveries)
    const redelivered = deliveries.filter((_, i) => i % Math.floor(deliveries.length / REDELIVERIES) === 0)
    const sample = redelivered.slice(0, REDELIVERIES)
    for (const delivery of sample) await op.webhookDeliveries.redeliver(delivery.id)
    const current = () => new Map(server.deliveries.list().map((d) => [d.id, d]))
    await waitUntil('every redelivery answered', () => {
      const now = current()
      return sample.every(
        (d) => now.get(d.id)!.status === 'succeeded' && now.get(d.id)!.attempts.length > d.attempts.length,
      )
    })
    await waitUntil('every event was handled', async () => (await redis.llen(`${prefix}handled`)) >= EVENTS, 60_000)
    const attempts = server.deliveries.list().flatMap((d) => d.attempts)
    const answered202 = attempts.filter((a) => a.status_code === 202).length
    const [faultsBefore, faultsAfter] = (await redis.mget(`${prefix}faults:before`, `${prefix}faults:after`)).map(
      Number,
    ) as [number, number]

    // Phase 2: the worker that takes this event hangs in its handler and is killed; another one handles it.
    await op.customers.create({ name: 'slow: the victim' })
    const victim = server.events.list().at(-1)!.id
    const { killed, pid: victimPid } = await killWhoStarted(redis, prefix, victim, workers)
    const inspect = bullmqQueue({ connection: redisUrl, prefix: `${prefix}bull`, name: queueName })
    const deadLettered = await inspect.inbox.list({ state: 'failed' })
    const victimEntry = await inspect.inbox.get(victim)
    await inspect.close()

    const startedRuns = runsPerEvent(await redis.lrange(`${prefix}started`, 0, -1))
    const handledRuns = runsPerEvent(await redis.lrange(`${prefix}handled`, 0, -1))
    const all = [...eventIds, victim]
    const lost = all.filter((id) => !handledRuns.has(id)).length
    const duplicates = [...handledRuns.values()].reduce((n, pids) => n + pids.length - 1, 0)
    const startedNotOnce = eventIds.filter((id) => startedRuns.get(id)?.length !== 1)
    const perWorker = new Map<string, number>()
    for (const [, pids] of handledRuns) for (const pid of pids) perWorker.set(pid, (perWorker.get(pid) ?? 0) + 1)
    const stderr = [...receivers, ...workers].filter((f) => f !== killed && f.stderr !== '').map((f) => f.stderr)
    recordFigures({
      file: import.meta.url,
      id: '5-queue-processes',
      title: 'Durable queue across processes (BullMQ, 3 receivers + 3 workers)',
      summary: {
        tried: attempts.length + 1,
        faults: faultsBefore + faultsAfter + customers + REDELIVERIES + 1,
        lost,
        duplicates,
        wrong: startedNotOnce.length + deadLettered.length + stderr.length,
      },
      figures: [
        { label: 'receiver processes / worker processes (concurrency 8 each)', value: '3 / 3' },
        { label: 'events (customers created, updated, deleted)', value: EVENTS },
        { label: 'deliveries (created ones to two receivers at once)', value: expectedDeliveries },
        { label: 'redeliveries of handled events', value: REDELIVERIES },
        { label: 'delivery attempts', value: attempts.length },
        { label: '… answered 500 before queueing (injected)', value: faultsBefore },
        { label: '… queued, then the answer lost (injected connection cut)', value: faultsAfter },
        { label: '… answered 202 queued', value: answered202 },
        { label: 'handled per worker', value: [...perWorker.values()].sort((a, b) => b - a).join(' / ') },
        { label: 'workers killed mid-handler (SIGKILL)', value: 1 },
        {
          label: 'runs of the killed event (started / completed)',
          value: `${startedRuns.get(victim)?.length ?? 0} / ${handledRuns.get(victim)?.length ?? 0}`,
        },
        { label: 'jobs dead-lettered', value: deadLettered.length },
        { label: 'events lost', value: lost },
        { label: 'duplicates run (handled more than once)', value: duplicates },
        { label: 'time (s)', value: ((Date.now() - started) / 1000).toFixed(1) },
      ],
    })
    expect(startedNotOnce).toEqual([])
    expect(startedRuns.get(victim)).toEqual([victimPid, expect.not.stringMatching(`^${victimPid}$`)])
    expect(handledRuns.get(victim)).toEqual([startedRuns.get(victim)![1]])
    expect(victimEntry).toMatchObject({ state: 'completed' })
    expect(deadLettered).toEqual([])
    expect(lost).toBe(0)
    expect(duplicates).toBe(0)
    expect(faultsBefore).toBeGreaterThan(0)
    expect(faultsAfter).toBeGreaterThan(0)
    expect(stderr).toEqual([])
  }, 180_000)
})
