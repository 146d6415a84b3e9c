import { describe, expect, it } from 'vitest'
import { manualClock } from '../../src/clock.js'
import { DeliveryEngine } from '../../src/delivery/engine.js'
import { DeliveryEngineClosedError } from '../../src/delivery/errors.js'
import { WaitTimeoutError } from '../../src/errors.js'
import { closedPort, countingClock, createTestEngine, testEvent, trackedReceivers, until } from './helpers.js'

const T0 = '2026-11-27T10:00:00.000Z'

const receiver = trackedReceivers()

describe('dispatch', () => {
  it('returns pending deliveries at once, one per endpoint, without waiting for any request', async () => {
    const slow = await receiver(() => ({ status: 200, delayMs: 100 }))
    const { engine, addEndpoint } = createTestEngine()
    const [a, b] = [addEndpoint(slow.url), addEndpoint(slow.url)]
    const event = testEvent()
    const deliveries = engine.dispatch(event, [a.id, b.id, a.id])
    expect(deliveries.map((delivery) => [delivery.endpoint_id, delivery.status, delivery.attempts.length])).toEqual([
      [a.id, 'pending', 0],
      [b.id, 'pending', 0],
    ])
    expect(slow.requests).toHaveLength(0)
    await engine.idle()
    expect(slow.requests).toHaveLength(2)
    expect(engine.list().map((delivery) => delivery.status)).toEqual(['succeeded', 'succeeded'])
    await engine.close()
  })

  it('never runs more attempts to one endpoint at once than the limit; other endpoints are not held up', async () => {
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const busy = await receiver(() => ({ status: 200, heldUntil: held }))
    const other = await receiver(() => ({ status: 200 }))
    const { engine, addEndpoint } = createTestEngine({ concurrencyPerEndpoint: 3 })
    const [limited, free] = [addEndpoint(busy.url), addEndpoint(other.url)]
    for (let i = 0; i < 12; i++) engine.dispatch(testEvent(), [limited.id])
    engine.dispatch(testEvent(), [free.id])
    await engine.waitFor({ endpointId: free.id, status: 'succeeded' })
    await until(() => busy.requests.length === 3)
    expect(engine.list({ endpointId: limited.id, status: 'pending' })).toHaveLength(12)

    release()
    await engine.idle()
    expect(busy.requests).toHaveLength(12)
    expect(busy.maxConcurrent).toBe(3)
    expect(engine.list({ endpointId: limited.id, status: 'succeeded' })).toHaveLength(12)
    await engine.close()
  })

  it('serializes the event once: later changes to the object do not change what is sent', async () => {
    const target = await receiver((_, index) => ({ status: index === 0 ? 500 : 200 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [10] })
    const event = testEvent()
    const body = JSON.stringify(event)
    engine.dispatch(event, [addEndpoint(target.url).id])
    ;(event as { type: string }).type = 'changed.afterwards'
    await engine.idle()
    await clock.advance(10)
    expect(target.requests.map((request) => request.body)).toEqual([body, body])
  })
})

describe('list and get', () => {
  it('lists ascending by id, by endpoint and by status, as copies later attempts do not change', async () => {
    const ok = await receiver(() => ({ status: 200 }))
    const failing = await receiver(() => ({ status: 500 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [1000] })
    const [good, bad] = [addEndpoint(ok.url), addEndpoint(failing.url)]
    engine.dispatch(testEvent(), [good.id, bad.id])
    engine.dispatch(testEvent(), [bad.id])
    await engine.idle()

    const all = engine.list()
    expect(all.map((delivery) => delivery.id)).toEqual([...all.map((delivery) => delivery.id)].sort())
    expect(all).toHaveLength(3)
    expect(engine.list({ endpointId: bad.id }).map((delivery) => delivery.status)).toEqual(['pending', 'pending'])
    expect(engine.list({ status: 'succeeded' }).map((delivery) => delivery.endpoint_id)).toEqual([good.id])
    expect(engine.list({ endpointId: 'whk_unknown' })).toEqual([])
    expect(engine.get('dlv_unknown')).toBeUndefined()

    const before = engine.get(all[1]!.id)!
    await clock.advance(1000)
    expect(before.attempts).toHaveLength(1)
    expect(engine.get(all[1]!.id)!.attempts).toHaveLength(2)
    expect(engine.list({ status: 'failed' })).toHaveLength(2)
  })
})

describe('redeliver', () => {
  it('sends a failed delivery again and logs it as a new attempt', async () => {
    const target = await receiver(() => ({ status: 500 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [10] })
    const endpoint = addEndpoint(target.url)
    const [created] = engine.dispatch(testEvent(), [endpoint.id])
    await engine.idle()
    await clock.advance(10)
    expect(engine.get(created!.id)!.status).toBe('failed')

    target.respond(() => ({ status: 200, body: 'ok' }))
    await clock.advance(5000)
    const queued = engine.redeliver(created!.id)!
    expect(queued).toMatchObject({
      status: 'pending',
      next_attempt_at: '2026-11-27T10:00:05.010Z',
      updated_at: '2026-11-27T10:00:05.010Z',
    })
    await engine.idle()
    expect(engine.get(created!.id)).toMatchObject({ status: 'succeeded', next_attempt_at: null })
    expect(engine.get(created!.id)!.attempts.map((attempt) => [attempt.at, attempt.status_code])).toEqual([
      [T0, 500],
      ['2026-11-27T10:00:00.010Z', 500],
      ['2026-11-27T10:00:05.010Z', 200],
    ])
    const ids = new Set(target.requests.map((request) => request.headers['webhook-id']))
    expect(ids.size).toBe(1)
  })

  it('makes a single extra attempt on a finished delivery', async () => {
    const target = await receiver(() => ({ status: 500 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [10] })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(target.url).id])
    await clock.advance(10)
    engine.redeliver(created!.id)
    await engine.idle()
    expect(engine.get(created!.id)).toMatchObject({ status: 'failed', next_attempt_at: null })
    await clock.advance(1000)
    expect(target.requests).toHaveLength(3)
  })

  it('takes the place of a scheduled retry, and the schedule resumes if it fails', async () => {
    const target = await receiver(() => ({ status: 500 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [1000, 2000] })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(target.url).id])
    await engine.idle()
    await clock.advance(100)
    engine.redeliver(created!.id)
    await engine.idle()
    expect(engine.get(created!.id)!.next_attempt_at).toBe('2026-11-27T10:00:01.100Z')
    await clock.advance(10_000)
    expect(engine.get(created!.id)!.attempts.map((attempt) => Date.parse(attempt.at) - Date.parse(T0))).toEqual([
      0, 100, 1100, 3100,
    ])
    expect(engine.get(created!.id)!.status).toBe('failed')
  })

  it('leaves a delivery that is already being attempted alone, and answers undefined for an unknown id', async () => {
    const slow = await receiver(() => ({ status: 200, delayMs: 30 }))
    const { engine, addEndpoint } = createTestEngine()
    const [created] = engine.dispatch(testEvent(), [addEndpoint(slow.url).id])
    expect(engine.redeliver(created!.id)).toMatchObject({ id: created!.id, status: 'pending' })
    await engine.idle()
    expect(slow.requests).toHaveLength(1)
    expect(engine.redeliver('dlv_unknown')).toBeUndefined()
    await engine.close()
  })
})

describe('outage', () => {
  it('loses nothing while the receiver is down: every event arrives once the retries reach it', async () => {
    const port = await closedPort()
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [1000, 1000, 1000, 1000] })
    const endpoint = addEndpoint(`http://127.0.0.1:${port}/hooks`)
    const events = Array.from({ length: 20 }, () => testEvent())
    for (const event of events) engine.dispatch(event, [endpoint.id])
    await engine.idle()
    await clock.advance(1000)
    expect(engine.list({ status: 'succeeded' })).toHaveLength(0)

    const back = await receiver(() => ({ status: 200 }), port)
    await clock.advance(1000)
    expect(engine.list({ status: 'succeeded' })).toHaveLength(20)
    expect(back.requests.map((request) => request.headers['webhook-id']).sort()).toEqual(
      events.map((event) => event.id).sort(),
    )
    expect(engine.list().every((delivery) => delivery.attempts.length === 3)).toBe(true)
    await clock.advance(60_000)
    expect(back.requests).toHaveLength(20)
  })
})

describe('waitFor', () => {
  it('resolves with a delivery that already matches', async () => {
    const target = await receiver()
    const { engine, addEndpoint } = createTestEngine()
    const event = testEvent()
    engine.dispatch(event, [addEndpoint(target.url).id])
    await engine.idle()
    const delivery = await engine.waitFor(
      { type: 'booking.created', eventId: event.id, status: 'succeeded' },
      { timeout: 10 },
    )
    expect(delivery).toMatchObject({ event_id: event.id, status: 'succeeded' })
  })

  it('resolves with the first future delivery that matches', async () => {
    const target = await receiver((_, index) => ({ status: index === 0 ? 500 : 200 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [10] })
    const endpoint = addEndpoint(target.url)
    const succeeded = engine.waitFor({ endpointId: endpoint.id, status: 'succeeded' })
    const event = testEvent()
    engine.dispatch(event, [endpoint.id])
    await engine.idle()
    await clock.advance(10)
    const delivery = await succeeded
    expect(delivery).toMatchObject({ event_id: event.id, status: 'succeeded' })
    expect(delivery.attempts.map((attempt) => attempt.status_code)).toEqual([500, 200])
  })

  it('rejects on timeout with a message naming the filter and the latest deliveries', async () => {
    const target = await receiver(() => ({ status: 500 }))
    const { engine, addEndpoint } = createTestEngine({ retrySchedule: [60_000] })
    const endpoint = addEndpoint(target.url)
    const [created] = engine.dispatch(testEvent(), [endpoint.id])
    await engine.idle()
    const waiting = engine.waitFor({ type: 'booking.created', status: 'succeeded' }, { timeout: 30 })
    await expect(waiting).rejects.toThrow(WaitTimeoutError)
    await expect(waiting).rejects.toThrow(
      `waitFor({"type":"booking.created","status":"succeeded"}) timed out after 30 ms: no delivery matched. Latest ` +
        `deliveries:\n  ${created!.id} booking.created → ${endpoint.id} pending (1 attempts, last: 500)`,
    )
    await expect(waiting).rejects.toMatchObject({ code: 'wait_timeout', name: 'WaitTimeoutError' })
    await expect(engine.waitFor({ type: 'payment.approved' }, { timeout: 1 })).rejects.toThrow(/payment\.approved/)
    await engine.close()
  })

  it('says so when there are no deliveries at all', async () => {
    const { engine } = createTestEngine()
    await expect(engine.waitFor({ type: 'booking.created' }, { timeout: 5 })).rejects.toThrow(/No deliveries yet\.$/)
  })
})

describe('idle, reset and close', () => {
  it('idle resolves once nothing is in flight, not waiting for retries scheduled later', async () => {
    const target = await receiver(() => ({ status: 500, delayMs: 20 }))
    const clock = countingClock()
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [60_000] })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(target.url).id])
    await engine.idle()
    expect(engine.get(created!.id)).toMatchObject({ status: 'pending', attempts: [{ status_code: 500 }] })
    expect(clock.live).toBe(1)
    await engine.close()
    expect(clock.live).toBe(0)
  })

  it('idle waits for retries due at once', async () => {
    const target = await receiver(() => ({ status: 500 }))
    const { engine, addEndpoint } = createTestEngine({ retrySchedule: [0, 0] })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(target.url).id])
    await engine.idle()
    expect(engine.get(created!.id)).toMatchObject({
      status: 'failed',
      attempts: [{ status_code: 500 }, { status_code: 500 }, { status_code: 500 }],
    })
  })

  it('reset forgets every delivery and cancels its timers; new deliveries work afterwards', async () => {
    const target = await receiver(() => ({ status: 500 }))
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [1000] })
    const endpoint = addEndpoint(target.url)
    engine.dispatch(testEvent(), [endpoint.id])
    await engine.idle()
    expect(clock.pendingTimers).toBe(1)
    engine.reset()
    expect(engine.list()).toEqual([])
    expect(clock.pendingTimers).toBe(0)
    await clock.advance(5000)
    expect(target.requests).toHaveLength(1)

    target.respond(() => ({ status: 200 }))
    const [fresh] = engine.dispatch(testEvent(), [endpoint.id])
    await engine.idle()
    expect(engine.list()).toEqual([engine.get(fresh!.id)])
    expect(engine.get(fresh!.id)!.status).toBe('succeeded')
  })

  it('reset drops attempts in flight and waiting for a slot, without recording them', async () => {
    const slow = await receiver(() => ({ status: 200, delayMs: 2000 }))
    const clock = countingClock()
    const { engine, addEndpoint, lines } = createTestEngine({ clock, concurrencyPerEndpoint: 1, timeoutMs: 5000 })
    const endpoint = addEndpoint(slow.url)
    for (let i = 0; i < 3; i++) engine.dispatch(testEvent(), [endpoint.id])
    await new Promise<void>((resolve) =>
      slow.respond(() => {
        resolve()
        return { status: 200, delayMs: 2000 }
      }),
    )
    engine.reset()
    await engine.idle()
    expect(engine.list()).toEqual([])
    expect(lines).toEqual([])
    expect(slow.requests).toHaveLength(1)
    expect(clock.live).toBe(0)
  })

  it('close aborts attempts in flight, cancels timers, rejects pending waitFors and refuses new work', async () => {
    const slow = await receiver(() => ({ status: 200, delayMs: 2000 }))
    const failing = await receiver(() => ({ status: 500 }))
    const clock = countingClock()
    const { engine, addEndpoint } = createTestEngine({ clock, timeoutMs: 5000, retrySchedule: [60_000] })
    const [stuck, retrying] = [addEndpoint(slow.url), addEndpoint(failing.url)]
    const [created] = engine.dispatch(testEvent(), [retrying.id])
    await engine.idle() // its retry is scheduled a minute ahead
    await new Promise<void>((resolve) => {
      slow.respond(() => {
        resolve()
        return { status: 200, delayMs: 2000 }
      })
      engine.dispatch(testEvent(), [stuck.id])
    })
    const waiting = engine.waitFor({ type: 'payment.approved' }, { timeout: 10_000 })

    await engine.close()
    expect(clock.live).toBe(0)
    await expect(waiting).rejects.toThrow(DeliveryEngineClosedError)
    await expect(waiting).rejects.toThrow(
      'waitFor: the delivery engine is closed; create a new server (or engine) to deliver again',
    )
    expect(() => engine.dispatch(testEvent(), [stuck.id])).toThrow(DeliveryEngineClosedError)
    expect(() => engine.redeliver(created!.id)).toThrow(/redeliver: the delivery engine is closed/)
    await expect(engine.waitFor({ type: 'payment.approved' })).rejects.toThrow(DeliveryEngineClosedError)
    expect(engine.get(created!.id)!.attempts).toHaveLength(1)
    expect(engine.list({ endpointId: stuck.id })[0]).toMatchObject({ status: 'pending', attempts: [] })
    await engine.close()
  })

  it('rejects impossible options with a message that says what to pass', () => {
    const base = { userAgent: 'test', getEndpoint: () => undefined, disableEndpoint: () => {} }
    expect(() => new DeliveryEngine({ ...base, retrySchedule: [10, -1] })).toThrow(
      'DeliveryEngine: retrySchedule[1] is -1; every entry is a delay in ms from 0 to',
    )
    expect(() => new DeliveryEngine({ ...base, retrySchedule: [3e9] })).toThrow(RangeError)
    expect(() => new DeliveryEngine({ ...base, jitter: 2 })).toThrow('jitter is 2; pass a fraction from 0 (none) to 1')
    expect(() => new DeliveryEngine({ ...base, timeoutMs: 0 })).toThrow(/timeoutMs is 0/)
    expect(() => new DeliveryEngine({ ...base, concurrencyPerEndpoint: 0.5 })).toThrow(
      /concurrencyPerEndpoint is 0.5; pass a whole number/,
    )
    expect(() => new DeliveryEngine({ ...base, failingWindowMs: Number.NaN })).toThrow(/failingWindowMs is NaN/)
  })
})
