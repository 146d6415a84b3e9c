import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/clock.js'
import { defaultRetrySchedule, jitteredDelay } from '../../src/delivery/retry-schedule.js'
import { closedPort, createTestEngine, type Receiver, startReceiver, testEvent } from './helpers.js'

const T0 = '2026-11-27T10:00:00.000Z'
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString()

let receiver: Receiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

describe('retries', () => {
  it('follows the configured schedule exactly, keeping next_attempt_at true, then fails', async () => {
    receiver = await startReceiver(() => ({ status: 500, body: 'down' }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [1000, 5000, 30_000] })
    const endpoint = addEndpoint(receiver.url)
    const [created] = engine.dispatch(testEvent(), [endpoint.id])
    expect(created).toMatchObject({
      status: 'pending',
      attempts: [],
      next_attempt_at: T0,
      created_at: T0,
      updated_at: T0,
    })

    await engine.idle()
    expect(engine.get(created!.id)).toMatchObject({ status: 'pending', next_attempt_at: at(1000), updated_at: T0 })
    await clock.advance(999)
    expect(receiver.requests).toHaveLength(1)
    await clock.advance(1)
    expect(engine.get(created!.id)).toMatchObject({
      status: 'pending',
      next_attempt_at: at(6000),
      updated_at: at(1000),
    })
    await clock.advance(5000)
    expect(engine.get(created!.id)).toMatchObject({
      status: 'pending',
      next_attempt_at: at(36_000),
      updated_at: at(6000),
    })
    await clock.advance(30_000)

    const delivery = engine.get(created!.id)!
    expect(delivery).toMatchObject({ status: 'failed', next_attempt_at: null, updated_at: at(36_000) })
    expect(delivery.attempts).toEqual(
      [0, 1000, 6000, 36_000].map((ms) => ({
        at: at(ms),
        status_code: 500,
        error: 'HTTP 500',
        duration_ms: 0,
        response_body_excerpt: 'down',
      })),
    )
    expect(receiver.requests).toHaveLength(4)
    await clock.advance(24 * 60 * 60 * 1000)
    expect(receiver.requests).toHaveLength(4)
    await engine.close()
  })

  it('stops retrying once an attempt succeeds', async () => {
    receiver = await startReceiver((_, index) => ({ status: index < 2 ? 500 : 200 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [10, 20, 40, 80] })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(receiver.url).id])
    await clock.advance(1000)
    expect(engine.get(created!.id)).toMatchObject({ status: 'succeeded', next_attempt_at: null, updated_at: at(30) })
    expect(engine.get(created!.id)!.attempts.map((attempt) => [attempt.at, attempt.status_code])).toEqual([
      [at(0), 500],
      [at(10), 500],
      [at(30), 200],
    ])
    expect(receiver.requests).toHaveLength(3)
    await engine.close()
  })

  it('retries when the receiver answers slower than the timeout', async () => {
    receiver = await startReceiver((_, index) => ({ status: 200, delayMs: index === 0 ? 10_000 : 0 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, timeoutMs: 200, retrySchedule: [100] })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(receiver.url).id])
    await engine.idle()
    expect(engine.get(created!.id)).toMatchObject({
      status: 'pending',
      next_attempt_at: at(100),
      attempts: [
        { at: T0, status_code: null, error: 'timed out after 200 ms', duration_ms: 0, response_body_excerpt: null },
      ],
    })
    await clock.advance(100)
    expect(engine.get(created!.id)).toMatchObject({
      status: 'succeeded',
      attempts: [{ error: 'timed out after 200 ms' }, { status_code: 200, error: null }],
    })
    await engine.close()
  })

  it('retries when the connection is refused', async () => {
    const port = await closedPort()
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [100] })
    const endpoint = addEndpoint(`http://127.0.0.1:${port}/hooks`)
    const [created] = engine.dispatch(testEvent(), [endpoint.id])
    await engine.idle()
    expect(engine.get(created!.id)).toMatchObject({
      status: 'pending',
      next_attempt_at: at(100),
      attempts: [
        {
          at: T0,
          status_code: null,
          error: `connect ECONNREFUSED 127.0.0.1:${port}`,
          duration_ms: 0,
          response_body_excerpt: null,
        },
      ],
    })

    receiver = await startReceiver(() => ({ status: 200 }), port)
    await clock.advance(100)
    expect(engine.get(created!.id)).toMatchObject({
      status: 'succeeded',
      attempts: [{ status_code: null }, { status_code: 200 }],
    })
    await engine.close()
  })

  it('treats a redirect as a failure and does not follow it', async () => {
    const target = await startReceiver(() => ({ status: 200 }))
    receiver = await startReceiver(() => ({ status: 302, headers: { location: target.url } }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [100] })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(receiver.url).id])
    await engine.idle()
    await clock.advance(100)
    expect(engine.get(created!.id)).toMatchObject({
      status: 'failed',
      attempts: [
        { status_code: 302, error: `HTTP 302: redirect to ${target.url} not followed` },
        { status_code: 302, error: `HTTP 302: redirect to ${target.url} not followed` },
      ],
    })
    expect(target.requests).toHaveLength(0)
    await target.close()
    await engine.close()
  })

  it('retries every non-2xx answer other than 410', async () => {
    const statuses = [400, 401, 404, 409, 429, 502]
    receiver = await startReceiver((_, index) => ({ status: statuses[index] ?? 200 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint, disabled } = createTestEngine({ clock, retrySchedule: statuses.map(() => 10) })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(receiver.url).id])
    await clock.advance(1000)
    expect(engine.get(created!.id)!.attempts.map((attempt) => attempt.status_code)).toEqual([...statuses, 200])
    expect(engine.get(created!.id)!.status).toBe('succeeded')
    expect(disabled).toEqual([])
    await engine.close()
  })

  it('uses the wire contract §4 by default: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', async () => {
    expect(defaultRetrySchedule).toEqual([5000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000])
    receiver = await startReceiver(() => ({ status: 500 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: undefined })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(receiver.url).id])
    await engine.idle()
    await clock.advance(4 * 24 * 60 * 60 * 1000)
    const delivery = engine.get(created!.id)!
    const elapsed = delivery.attempts.map((attempt) => Date.parse(attempt.at) - Date.parse(T0))
    expect(elapsed).toEqual([0, 5000, 305_000, 2_105_000, 9_305_000, 27_305_000, 63_305_000, 99_305_000])
    expect(delivery.status).toBe('failed')
    await engine.close()
  })
})

describe('jitter', () => {
  it('moves a delay by at most the jitter fraction either way', () => {
    expect(jitteredDelay(10_000, 0.1, () => 0)).toBe(9000)
    expect(jitteredDelay(10_000, 0.1, () => 0.5)).toBe(10_000)
    expect(jitteredDelay(10_000, 0.1, () => 0.999_999)).toBe(11_000)
    expect(jitteredDelay(10_000, 0, () => 0.123)).toBe(10_000)
    for (let i = 0; i < 1000; i++) {
      const delay = jitteredDelay(1000, 0.25, Math.random)
      expect(delay).toBeGreaterThanOrEqual(750)
      expect(delay).toBeLessThanOrEqual(1250)
    }
  })

  it('schedules each retry within the jitter bounds', async () => {
    receiver = await startReceiver(() => ({ status: 500 }))
    const clock = manualClock(T0)
    const draws = [0, 0.999_999]
    const { engine, addEndpoint } = createTestEngine({
      clock,
      jitter: 0.2,
      random: () => draws.shift() ?? 0.5,
      retrySchedule: [1000, 1000],
    })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(receiver.url).id])
    await engine.idle()
    expect(engine.get(created!.id)!.next_attempt_at).toBe(at(800))
    await clock.advance(799)
    expect(receiver.requests).toHaveLength(1)
    await clock.advance(1)
    expect(engine.get(created!.id)!.next_attempt_at).toBe(at(800 + 1200))
    await clock.advance(1200)
    expect(engine.get(created!.id)!.attempts.map((attempt) => attempt.at)).toEqual([T0, at(800), at(2000)])
    await engine.close()
  })
})
