import { setTimeout as sleep } from 'node:timers/promises'
import { OctopusPro } from '@octopuspro/client'
import type { WebhookDelivery } from '@octopuspro/contract'
import { createReferenceServer, type ReferenceServer } from '@octopuspro/reference-server'
import { redisDedupe, Webhooks } from '@octopuspro/webhooks'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Fault, faultyReceiver, type SeenRequest } from './delivery/fault-receiver.js'
import { closedPort, type Listening, listen } from './helpers/http.js'
import { deleteKeys, describeWithRedis, uniquePrefix } from './helpers/redis.js'
import { recordFigures } from './helpers/results.js'
import { fraction } from './helpers/sign.js'

/** Milliseconds between attempts: ten retries over about two seconds. */
const RETRY_SCHEDULE = [10, 20, 40, 80, 160, 320, 400, 400, 400, 400]
const TIMEOUT_MS = 1_000
/**
 * How close to the timeout an answer may go out and still miss it: the receiver and the sender share one event loop,
 * so an answer written just before the deadline can be read just after it.
 */
const DEADLINE_MARGIN_MS = TIMEOUT_MS / 4
/** A slow handler outlives the sender's timeout, and finishes while retries still come. */
const SLOW_MS = 2_000
const FIRST_BATCH = 150
const SECOND_BATCH = 20

/** The fault plans, decided by (receiver, event, attempt) alone so a run is the same every time. */
const plans: Record<string, (eventId: string, attempt: number) => Fault> = {
  flaky: (id, attempt) => (fraction('flaky', id, attempt) < 0.3 ? '500' : 'ok'),
  slow: (id, attempt) => (attempt === 1 && fraction('slow', id) < 0.15 ? 'slow' : 'ok'),
  dropper: (id, attempt) => {
    const f = fraction('dropper', id, attempt)
    return f < 0.2 ? 'destroy' : f < 0.3 ? 'partial' : 'ok'
  },
  chaos: (id, attempt) => {
    const f = fraction('chaos', id, attempt)
    return f < 0.2 ? '500' : f < 0.3 ? 'destroy' : f < 0.35 ? 'partial' : f < 0.4 && attempt === 1 ? 'slow' : 'ok'
  },
  lateStarter: () => 'ok',
  gone: () => '410',
}

interface LiveReceiver {
  name: string
  endpointId: string
  listening: Listening | undefined
  seen: SeenRequest[]
  runs: Map<string, number>
}

async function waitUntil(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await sleep(5)
  }
}

/** Attempts that never made a request: the connection was refused, or the endpoint was disabled by then. */
const NO_REQUEST = /ECONNREFUSED|^endpoint disabled$/

/**
 * Checks one delivery's attempts against what its receiver saw, request by request; the problems found.
 * A refused connection or a disabled endpoint leaves no request; every other attempt is one request, in order.
 */
function compareLog(delivery: WebhookDelivery, seen: readonly SeenRequest[]): string[] {
  const problems: string[] = []
  const reached = delivery.attempts.filter((a) => !NO_REQUEST.test(a.error ?? ''))
  if (reached.length !== seen.length)
    problems.push(`${delivery.event_id}: ${reached.length} attempts reached the receiver, it saw ${seen.length}`)
  reached.forEach((attempt, i) => {
    const request = seen[i]
    if (!request?.outcome) return
    const where = `${delivery.event_id} attempt ${i + 1} (${request.fault})`
    if (Math.floor(Date.parse(attempt.at) / 1000) !== Number(request.timestamp))
      problems.push(`${where}: at ${attempt.at} but webhook-timestamp ${request.timestamp}`)
    const { outcome } = request
    const timedOut = attempt.status_code === null && /timed out/.test(attempt.error ?? '')
    if (outcome.kind === 'finished') {
      // The sender's clock is the same system clock: an answer that went out after the timeout is a timeout.
      const after = outcome.at - Date.parse(attempt.at)
      const matches = attempt.status_code === outcome.status && (attempt.error === null) === outcome.status < 300
      if (!(matches || (timedOut && after >= TIMEOUT_MS - DEADLINE_MARGIN_MS)))
        problems.push(
          `${where}: the receiver answered ${outcome.status} ${after} ms after the attempt began, the log says ` +
            `${attempt.status_code} ${attempt.error}`,
        )
    } else if (outcome.status !== undefined) {
      if (attempt.status_code !== outcome.status)
        problems.push(
          `${where}: the receiver sent ${outcome.status} and cut it, the log says ${attempt.status_code} ` +
            `${attempt.error}`,
        )
    } else if (attempt.status_code !== null || !attempt.error) {
      problems.push(
        `${where}: the connection was cut without an answer, the log says ${attempt.status_code} ${attempt.error}`,
      )
    } else if (request.fault === 'destroy' && timedOut) {
      problems.push(`${where}: a destroyed connection is logged as a timeout`)
    }
  })
  return problems
}

describeWithRedis('delivery under faults (reference server → faulty receivers with Redis dedupe)', (redisUrl) => {
  let redis: Redis
  let server: ReferenceServer
  const prefix = uniquePrefix('delivery-faults')
  const closers: (() => Promise<void>)[] = []

  beforeAll(() => {
    redis = new Redis(redisUrl)
  })
  afterAll(async () => {
    await server?.close()
    await Promise.all(closers.map((close) => close()))
    await deleteKeys(redis, prefix)
    await redis.quit()
  })

  it('delivers every event at least once while retries last, logs every attempt as the receiver saw it, and runs ' +
    'handlers exactly once', async () => {
    server = createReferenceServer({
      ids: 'sequential',
      delivery: { retrySchedule: RETRY_SCHEDULE, timeoutMs: TIMEOUT_MS, jitter: 0 },
    })
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch, maxRetries: 0 })

    const receivers: LiveReceiver[] = []
    let lateStarterUp: Promise<void> = Promise.resolve()
    for (const name of Object.keys(plans)) {
      const port = name === 'lateStarter' ? await closedPort() : 0
      const endpoint = await op.webhooks.create({
        name,
        url: `http://127.0.0.1:${port}/hook`,
        event_types: ['customer.created'],
      })
      const webhooks = new Webhooks({
        secret: endpoint.secret,
        dedupe: redisDedupe(redis, { prefix: `${prefix}${name}:`, inFlightTtlMs: 10_000, ttlMs: 600_000 }),
      })
      const slowEvents = new Set<string>()
      const runs = new Map<string, number>()
      webhooks.on('customer.created', async (event) => {
        if (slowEvents.delete(event.id)) await sleep(SLOW_MS)
        runs.set(event.id, (runs.get(event.id) ?? 0) + 1)
      })
      const { listener, seen } = faultyReceiver(webhooks, plans[name]!, slowEvents)
      const receiver: LiveReceiver = { name, endpointId: endpoint.id, listening: undefined, seen, runs }
      if (name === 'lateStarter') {
        // Down until each of its deliveries has failed once, then up on the same port.
        lateStarterUp = waitUntil('the late starter has refused every first attempt', () => {
          const deliveries = server.deliveries.list({ endpointId: endpoint.id })
          return deliveries.length >= FIRST_BATCH && deliveries.every((d) => d.attempts.length > 0)
        }).then(async () => {
          receiver.listening = await listen(listener, port)
          closers.push(receiver.listening.close)
        })
      } else {
        receiver.listening = await listen(listener)
        closers.push(receiver.listening.close)
        await op.webhooks.update(endpoint.id, { url: `${receiver.listening.url}/hook` })
      }
      receivers.push(receiver)
    }
    const down = await op.webhooks.create({
      name: 'down',
      url: `http://127.0.0.1:${await closedPort()}/hook`,
      event_types: ['customer.created'],
    })

    const created: string[] = []
    for (let i = 0; i < FIRST_BATCH; i++) created.push((await op.customers.create({ name: `Customer ${i}` })).id)
    await lateStarterUp
    await waitUntil('the gone receiver has been disabled', () =>
      server.deliveries
        .list({ endpointId: receivers.find((r) => r.name === 'gone')!.endpointId })
        .every((d) => d.status === 'failed'),
    )
    for (let i = 0; i < SECOND_BATCH; i++) created.push((await op.customers.create({ name: `Late customer ${i}` })).id)
    const events = server.events.list().filter((e) => e.type === 'customer.created')
    expect(events).toHaveLength(FIRST_BATCH + SECOND_BATCH)

    await waitUntil(
      'every delivery is settled and no handler is still running',
      () => server.deliveries.list({ status: 'pending' }).length === 0,
    )
    await server.deliveries.idle()
    await waitUntil(
      'every answer is written',
      () => receivers.every((r) => r.seen.every((s) => s.outcome !== undefined)),
      5_000,
    )

    const problems: string[] = []
    let attempts = 0
    let lost = 0
    let duplicateRuns = 0
    for (const receiver of receivers) {
      // The log as the API gives it, page by page.
      const deliveries: WebhookDelivery[] = []
      for await (const delivery of op.webhooks.listDeliveries(receiver.endpointId, { limit: 100 }))
        deliveries.push(delivery)
      attempts += deliveries.reduce((n, d) => n + d.attempts.length, 0)
      for (const delivery of deliveries)
        problems.push(
          ...compareLog(
            delivery,
            receiver.seen.filter((s) => s.eventId === delivery.event_id),
          ),
        )
      if (receiver.name === 'gone') {
        expect(await op.webhooks.get(receiver.endpointId)).toMatchObject({ active: false, disabled_reason: 'gone' })
        expect(deliveries).toHaveLength(FIRST_BATCH) // the second batch was not sent to a disabled endpoint
        for (const delivery of deliveries) {
          expect(delivery.status).toBe('failed')
          expect(delivery.attempts).toHaveLength(1)
          expect([410, null]).toContain(delivery.attempts[0]!.status_code)
        }
        expect(receiver.seen.length).toBe(deliveries.filter((d) => d.attempts[0]!.status_code === 410).length)
        continue
      }
      expect(deliveries).toHaveLength(FIRST_BATCH + SECOND_BATCH)
      for (const event of events) {
        const runs = receiver.runs.get(event.id) ?? 0
        if (runs === 0) lost++
        if (runs > 1) duplicateRuns += runs - 1
        const delivery = deliveries.find((d) => d.event_id === event.id)
        if (delivery?.status !== 'succeeded') problems.push(`${receiver.name}: ${event.id} ended ${delivery?.status}`)
      }
    }
    const downDeliveries = server.deliveries.list({ endpointId: down.id })
    attempts += downDeliveries.reduce((n, d) => n + d.attempts.length, 0)
    for (const delivery of downDeliveries) {
      expect(delivery.status).toBe('failed')
      expect(delivery.attempts).toHaveLength(1 + RETRY_SCHEDULE.length)
      for (const attempt of delivery.attempts)
        expect(attempt).toMatchObject({ status_code: null, error: expect.stringMatching(/ECONNREFUSED/) })
    }

    const seen = receivers.flatMap((r) => r.seen)
    const faults = seen.filter((s) => s.fault !== 'ok')
    const refused = receivers.find((r) => r.name === 'lateStarter')!
    const refusedAttempts = server.deliveries
      .list({ endpointId: refused.endpointId })
      .reduce((n, d) => n + d.attempts.filter((a) => /ECONNREFUSED/.test(a.error ?? '')).length, 0)
    const injected = faults.length + refusedAttempts + downDeliveries.reduce((n, d) => n + d.attempts.length, 0)
    recordFigures({
      file: import.meta.url,
      id: '3-delivery-faults',
      title: 'Delivery under faults (Redis dedupe)',
      summary: { tried: attempts, faults: injected, lost, duplicates: duplicateRuns, wrong: problems.length },
      figures: [
        { label: 'events sent', value: events.length },
        {
          label: 'endpoints (flaky 30 % 500, slow past timeout, connection cut, chaos, down then up, 410 gone, down)',
          value: receivers.length + 1,
        },
        { label: 'attempts logged', value: attempts },
        { label: 'requests the receivers saw', value: seen.length },
        { label: 'faults injected (500, cut, cut mid-body, slow, 410, refused)', value: injected },
        ...(['500', 'destroy', 'partial', 'slow', '410'] as const).map((fault) => ({
          label: `… ${fault}`,
          value: faults.filter((f) => f.fault === fault).length,
        })),
        {
          label: '… connection refused',
          value: refusedAttempts + downDeliveries.reduce((n, d) => n + d.attempts.length, 0),
        },
        {
          label: 'attempts answered 409 in_flight (retry while a slow handler ran)',
          value: seen.filter((s) => s.outcome?.kind === 'finished' && s.outcome.status === 409).length,
        },
        { label: 'log entries that differ from what the receiver saw', value: problems.length },
        { label: 'events lost (live receivers)', value: lost },
        { label: 'duplicate handler runs', value: duplicateRuns },
      ],
    })
    expect(problems).toEqual([])
    expect(lost).toBe(0)
    expect(duplicateRuns).toBe(0)
    // Every kind of fault really happened.
    for (const fault of ['500', 'destroy', 'partial', 'slow', '410'] as const)
      expect(faults.filter((f) => f.fault === fault).length, fault).toBeGreaterThan(5)
    expect(refusedAttempts).toBeGreaterThanOrEqual(FIRST_BATCH)
  }, 40_000)
})
