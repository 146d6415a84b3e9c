import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/clock.js'
import { createTestEngine, type Receiver, startReceiver, testEvent } from './helpers.js'

const T0 = '2026-11-27T10:00:00.000Z'
const HOUR = 60 * 60 * 1000

let receiver: Receiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

describe('disabling endpoints', () => {
  it('disables an endpoint that answers 410 Gone, with no more attempts', async () => {
    receiver = await startReceiver(() => ({ status: 410, body: 'gone' }))
    const clock = manualClock(T0)
    const { engine, addEndpoint, disabled } = createTestEngine({ clock, retrySchedule: [10, 20] })
    const endpoint = addEndpoint(receiver.url)
    const [created] = engine.dispatch(testEvent(), [endpoint.id])
    await engine.idle()
    expect(disabled).toEqual([{ id: endpoint.id, reason: 'gone' }])
    expect(engine.get(created!.id)).toMatchObject({
      status: 'failed',
      next_attempt_at: null,
      attempts: [
        {
          status_code: 410,
          error: 'HTTP 410: the endpoint is gone and has been disabled',
          response_body_excerpt: 'gone',
        },
      ],
    })
    await clock.advance(HOUR)
    expect(receiver.requests).toHaveLength(1)
    expect(disabled).toHaveLength(1)
    await engine.close()
  })

  it('fails pending deliveries of an endpoint disabled meanwhile, without a request', async () => {
    receiver = await startReceiver(() => ({ status: 500 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [1000] })
    const endpoint = addEndpoint(receiver.url)
    const [created] = engine.dispatch(testEvent(), [endpoint.id])
    await engine.idle()
    endpoint.active = false
    await clock.advance(1000)
    expect(receiver.requests).toHaveLength(1)
    expect(engine.get(created!.id)).toMatchObject({
      status: 'failed',
      next_attempt_at: null,
      attempts: [
        { status_code: 500 },
        {
          at: '2026-11-27T10:00:01.000Z',
          status_code: null,
          error: 'endpoint disabled',
          duration_ms: 0,
          response_body_excerpt: null,
        },
      ],
    })
    await engine.close()
  })

  it('fails deliveries of a deleted endpoint, without a request', async () => {
    const clock = manualClock(T0)
    const { engine } = createTestEngine({ clock })
    const [created] = engine.dispatch(testEvent(), ['whk_0000000000000000000099'])
    await engine.idle()
    expect(engine.get(created!.id)).toMatchObject({
      status: 'failed',
      attempts: [{ at: T0, status_code: null, error: 'endpoint deleted', duration_ms: 0, response_body_excerpt: null }],
    })
    await engine.close()
  })

  it("disables an endpoint whose attempts have all failed for the window as 'failing'", async () => {
    receiver = await startReceiver(() => ({ status: 500 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint, disabled, lines } = createTestEngine({
      clock,
      retrySchedule: [HOUR, HOUR, HOUR, HOUR],
      failingWindowMs: 5 * HOUR,
    })
    const endpoint = addEndpoint(receiver.url)
    const [first] = engine.dispatch(testEvent(), [endpoint.id]) // fails at 0, 1, 2, 3 and 4 h, then gives up
    await engine.idle()
    await clock.advance(2 * HOUR)
    const [second] = engine.dispatch(testEvent(), [endpoint.id]) // fails at 2, 3, 4 h…
    await engine.idle()
    await clock.advance(2.5 * HOUR)
    const [third] = engine.dispatch(testEvent(), [endpoint.id]) // fails at 4.5 h, next attempt due at 5.5 h
    await engine.idle()
    expect(disabled).toEqual([])
    expect(engine.get(first!.id)).toMatchObject({ status: 'failed', next_attempt_at: null })
    expect(engine.get(first!.id)!.attempts).toHaveLength(5)

    await clock.advance(0.5 * HOUR) // 5 h after the first failure, the second delivery fails again: the window is full
    expect(disabled).toEqual([{ id: endpoint.id, reason: 'failing' }])
    expect(lines).toContain(`✕ ${endpoint.id} disabled: every attempt failed for ${5 * HOUR} ms`)
    expect(engine.get(second!.id)).toMatchObject({ status: 'failed', next_attempt_at: null })
    expect(engine.get(second!.id)!.attempts.map((attempt) => attempt.status_code)).toEqual([500, 500, 500, 500])
    expect(engine.get(third!.id)).toMatchObject({ status: 'pending', next_attempt_at: '2026-11-27T15:30:00.000Z' })

    const requestsWhenDisabled = receiver.requests.length
    await clock.advance(10 * HOUR)
    expect(receiver.requests).toHaveLength(requestsWhenDisabled)
    expect(engine.get(third!.id)).toMatchObject({ status: 'failed', next_attempt_at: null })
    expect(engine.get(third!.id)!.attempts.map((attempt) => attempt.error)).toEqual(['HTTP 500', 'endpoint disabled'])
    await engine.close()
  })

  it('starts the failing window again after a success', async () => {
    receiver = await startReceiver((_, index) => ({ status: index === 2 ? 200 : 500 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint, disabled } = createTestEngine({
      clock,
      retrySchedule: [HOUR, HOUR, HOUR, HOUR, HOUR],
      failingWindowMs: 3 * HOUR,
    })
    const endpoint = addEndpoint(receiver.url)
    engine.dispatch(testEvent(), [endpoint.id]) // fails at 0 h, 1 h, succeeds at 2 h
    await engine.idle()
    await clock.advance(2 * HOUR)
    engine.dispatch(testEvent(), [endpoint.id]) // fails from 2 h on
    await engine.idle()
    await clock.advance(2 * HOUR) // 4 h after the first failure, but only 2 h after the success
    expect(disabled).toEqual([])
    await clock.advance(HOUR) // 3 h after the failure that followed the success
    expect(disabled).toEqual([{ id: endpoint.id, reason: 'failing' }])
    await engine.close()
  })

  it('fails a delivery visibly when looking up its endpoint throws', async () => {
    const clock = manualClock(T0)
    const { engine } = createTestEngine({
      clock,
      getEndpoint: () => {
        throw new Error('store unavailable')
      },
    })
    const [created] = engine.dispatch(testEvent(), ['whk_0000000000000000000001'])
    await engine.idle()
    expect(engine.get(created!.id)).toMatchObject({
      status: 'failed',
      attempts: [{ status_code: null, error: 'delivery engine error: store unavailable' }],
    })
    await engine.close()
  })
})
