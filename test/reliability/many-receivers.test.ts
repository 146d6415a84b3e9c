import { OctopusPro } from '@octopuspro/client'
import { createReferenceServer, type ReferenceServer } from '@octopuspro/reference-server'
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

const EVENTS = 1_000
const REDELIVERIES = 300
const IN_FLIGHT_TTL_MS = 3_000
/** Long enough to outlast a claim that expires after IN_FLIGHT_TTL_MS. */
const RETRY_SCHEDULE = [50, 100, 200, 400, 800, 1_000, 1_000, 1_000, 1_000, 1_000]

describeWithRedis('many receivers, one Redis (3 child processes with redisDedupe)', (redisUrl) => {
  const prefix = uniquePrefix('many-receivers')
  let redis: Redis
  let server: ReferenceServer
  const children: FixtureProcess[] = []

  beforeAll(() => {
    redis = new Redis(redisUrl)
  })
  afterAll(async () => {
    await server?.close()
    await stopFixtures(children)
    await deleteKeys(redis, prefix)
    await redis.quit()
  })

  it('handles each of 1,000 events delivered to all three at once (and redelivered) exactly once in total; a ' +
    'receiver killed mid-handler loses its claim and a retry handles the event', async () => {
    server = createReferenceServer({
      delivery: { retrySchedule: RETRY_SCHEDULE, timeoutMs: 5_000, jitter: 0, concurrencyPerEndpoint: 20 },
    })
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch, maxRetries: 0 })
    const endpoints = await Promise.all(
      [1, 2, 3].map((n) =>
        op.webhooks.create({ name: `replica ${n}`, url: 'http://127.0.0.1:9/hook', event_types: ['customer.created'] }),
      ),
    )
    const env = {
      SECRETS: JSON.stringify(endpoints.map((e) => e.secret)),
      REDIS_URL: redisUrl,
      PREFIX: prefix,
      IN_FLIGHT_TTL_MS: String(IN_FLIGHT_TTL_MS),
      SLOW_MS: '60000',
    }
    children.push(
      ...(await Promise.all(endpoints.map(() => startFixture('receiver-process.ts', env, /listening (\d+)/)))),
    )
    await Promise.all(
      endpoints.map((endpoint, i) =>
        op.webhooks.update(endpoint.id, { url: `http://127.0.0.1:${children[i]!.ready[1]}/hook` }),
      ),
    )

    // Phase 1: every event goes to the three processes at once; then a sample is redelivered.
    for (let i = 0; i < EVENTS; i++) await op.customers.create({ name: `Customer ${i}` })
    const eventIds = server.events.list().map((e) => e.id)
    expect(eventIds).toHaveLength(EVENTS)
    await waitUntil(
      'every delivery succeeded',
      () => server.deliveries.list().every((d) => d.status === 'succeeded'),
      40_000,
    )
    const deliveries = server.deliveries.list()
    expect(deliveries).toHaveLength(3 * EVENTS)
    const redelivered = deliveries
      .filter((_, i) => i % Math.floor(deliveries.length / REDELIVERIES) === 0)
      .slice(0, REDELIVERIES)
    for (const delivery of redelivered) await op.webhookDeliveries.redeliver(delivery.id)
    const current = () => new Map(server.deliveries.list().map((d) => [d.id, d]))
    await waitUntil('every redelivery answered', () => {
      const now = current()
      return redelivered.every(
        (d) => now.get(d.id)!.status === 'succeeded' && now.get(d.id)!.attempts.length > d.attempts.length,
      )
    })
    const afterRedelivery = current()
    // A redelivery of a handled event is answered 200 (duplicate): its handlers do not run again.
    const redeliveriesNot200 = redelivered
      .filter(({ id }) => afterRedelivery.get(id)!.attempts.at(-1)!.status_code !== 200)
      .map(({ id }) => id)

    const handled = runsPerEvent(await redis.lrange(`${prefix}handled`, 0, -1))
    const started = runsPerEvent(await redis.lrange(`${prefix}started`, 0, -1))
    const startedNotOnce = eventIds.filter((id) => started.get(id)?.length !== 1)
    const perProcess = new Map<string, number>()
    for (const [, pids] of handled) for (const pid of pids) perProcess.set(pid, (perProcess.get(pid) ?? 0) + 1)
    const attemptsPhase1 = server.deliveries.list().reduce((n, d) => n + d.attempts.length, 0)
    const inFlightAnswers = server.deliveries
      .list()
      .reduce((n, d) => n + d.attempts.filter((a) => a.status_code === 409).length, 0)
    const duplicateAnswers = server.deliveries
      .list()
      .reduce((n, d) => n + d.attempts.filter((a) => a.status_code === 200).length, 0)

    // Phase 2: the process that claims this event hangs in its handler and is killed; its claim expires.
    await op.customers.create({ name: 'slow: the victim' })
    const victim = server.events.list().at(-1)!.id
    const { killed, pid: victimPid } = await killWhoStarted(redis, prefix, victim, children)
    const finalStarted = runsPerEvent(await redis.lrange(`${prefix}started`, 0, -1))
    const finalHandled = runsPerEvent(await redis.lrange(`${prefix}handled`, 0, -1))
    const lost = [...eventIds, victim].filter((id) => !finalHandled.has(id)).length
    const duplicates = [...finalHandled.values()].reduce((n, pids) => n + pids.length - 1, 0)
    const stderr = children.filter((c) => c !== killed && c.stderr !== '').map((c) => c.stderr)
    recordFigures({
      file: import.meta.url,
      id: '4-many-receivers',
      title: 'Many receivers, one Redis (3 processes)',
      summary: {
        tried: 3 * EVENTS + REDELIVERIES + 3,
        faults: 2 * EVENTS + REDELIVERIES + 1,
        lost,
        duplicates,
        wrong: redeliveriesNot200.length + startedNotOnce.length + stderr.length,
      },
      figures: [
        { label: 'receiver processes', value: children.length },
        { label: 'events, each delivered to all three at once', value: EVENTS },
        { label: 'deliveries', value: 3 * EVENTS },
        { label: 'redeliveries of handled events', value: REDELIVERIES },
        { label: 'attempts', value: attemptsPhase1 },
        { label: '… answered 409 in_flight (another process held the claim)', value: inFlightAnswers },
        { label: '… answered 200 duplicate', value: duplicateAnswers },
        { label: 'handled per process', value: [...perProcess.values()].sort((a, b) => b - a).join(' / ') },
        {
          label: 'copies of each event beyond the first (2 simultaneous + redeliveries)',
          value: 2 * EVENTS + REDELIVERIES,
        },
        { label: 'processes killed mid-handler (SIGKILL)', value: 1 },
        {
          label: 'runs of the killed event (started / completed)',
          value: `${finalStarted.get(victim)?.length ?? 0} / ${finalHandled.get(victim)?.length ?? 0}`,
        },
        { label: 'events lost', value: lost },
        { label: 'duplicates run (handled more than once)', value: duplicates },
      ],
    })
    expect(redeliveriesNot200).toEqual([])
    expect(startedNotOnce).toEqual([])
    expect(finalStarted.get(victim)).toEqual([victimPid, expect.not.stringMatching(`^${victimPid}$`)])
    expect(finalHandled.get(victim)).toEqual([finalStarted.get(victim)![1]])
    expect(lost).toBe(0)
    expect(duplicates).toBe(0)
    expect(stderr).toEqual([])
  }, 60_000)
})
