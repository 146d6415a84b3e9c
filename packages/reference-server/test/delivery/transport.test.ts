import { Webhook as StandardWebhook } from 'standardwebhooks'
import { beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/clock.js'
import { closedPort, createTestEngine, startReceiver, testEvent, trackedReceivers } from './helpers.js'

const T0 = '2026-11-27T10:00:00.000Z'

const receiver = trackedReceivers()

// fetch loads its HTTP stack on first use: do it here, not inside a timed attempt.
beforeAll(async () => {
  const warmUp = await startReceiver()
  await fetch(warmUp.url, { method: 'POST' })
  await warmUp.close()
})

let fetchCalls = 0
const countingFetch: typeof fetch = (input, init) => {
  fetchCalls++
  return fetch(input, init)
}

// The default node:http transport and a given fetch must behave the same in every way the log records.
describe.each([
  { transport: 'node:http (default)', fetch: undefined, expectedFetchCalls: 0 },
  { transport: 'a given fetch', fetch: countingFetch, expectedFetchCalls: 1 },
])('over $transport', ({ fetch: fetchOption, expectedFetchCalls }) => {
  it('sends a signed POST that standardwebhooks verifies', async () => {
    fetchCalls = 0
    const target = await receiver(() => ({ status: 200, body: 'thanks' }))
    const { engine, addEndpoint } = createTestEngine({ fetch: fetchOption })
    const endpoint = addEndpoint(target.url)
    const event = testEvent()
    const [created] = engine.dispatch(event, [endpoint.id])
    await engine.idle()
    const request = target.requests[0]!
    expect(request.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(event))))
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]))
    expect(new StandardWebhook(endpoint.secretList[0]!).verify(request.body, headers)).toEqual(event)
    expect(engine.get(created!.id)).toMatchObject({
      status: 'succeeded',
      attempts: [{ status_code: 200, error: null, response_body_excerpt: 'thanks' }],
    })
    expect(fetchCalls).toBe(expectedFetchCalls)
    await engine.close()
  })

  it('records each kind of failure the same way', async () => {
    const redirectTarget = await receiver()
    const failing = await receiver(() => ({ status: 503, body: 'x'.repeat(3000) }))
    const slow = await receiver(() => ({ status: 200, delayMs: 10_000 }))
    const moved = await receiver(() => ({ status: 308, headers: { location: redirectTarget.url } }))
    const port = await closedPort()
    const clock = manualClock(T0)
    const { engine, addEndpoint } = createTestEngine({
      clock,
      fetch: fetchOption,
      timeoutMs: 300,
      retrySchedule: [1000],
    })
    const urls = [failing.url, slow.url, moved.url, `http://127.0.0.1:${port}/hooks`]
    const deliveries = urls.map((url) => engine.dispatch(testEvent(), [addEndpoint(url).id])[0]!)
    await engine.idle()
    expect(deliveries.map((delivery) => engine.get(delivery.id)!.attempts)).toEqual([
      [{ at: T0, status_code: 503, error: 'HTTP 503', duration_ms: 0, response_body_excerpt: 'x'.repeat(1024) }],
      [{ at: T0, status_code: null, error: 'timed out after 300 ms', duration_ms: 0, response_body_excerpt: null }],
      [
        {
          at: T0,
          status_code: 308,
          error: `HTTP 308: redirect to ${redirectTarget.url} not followed`,
          duration_ms: 0,
          response_body_excerpt: null,
        },
      ],
      [
        {
          at: T0,
          status_code: null,
          error: `connect ECONNREFUSED 127.0.0.1:${port}`,
          duration_ms: 0,
          response_body_excerpt: null,
        },
      ],
    ])
    expect(deliveries.map((delivery) => engine.get(delivery.id)!.next_attempt_at)).toEqual(
      urls.map(() => '2026-11-27T10:00:01.000Z'),
    )
    expect(redirectTarget.requests).toHaveLength(0)
    await engine.close()
  })

  it('fails an attempt to a URL that cannot be requested, and retries it', async () => {
    const { engine, addEndpoint } = createTestEngine({ fetch: fetchOption, retrySchedule: [60_000] })
    const [created] = engine.dispatch(testEvent(), [addEndpoint('http://127.0.0.1:notaport/hooks').id])
    await engine.idle()
    expect(engine.get(created!.id)).toMatchObject({
      status: 'pending',
      attempts: [{ status_code: null, error: expect.stringMatching(/invalid url/i) }],
    })
    await engine.close()
  })

  it('aborts a request in flight on close', async () => {
    const slow = await receiver(() => ({ status: 200, delayMs: 5000 }))
    const { engine, addEndpoint } = createTestEngine({ fetch: fetchOption, timeoutMs: 10_000 })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(slow.url).id])
    await new Promise<void>((resolve) =>
      slow.respond(() => {
        resolve()
        return { status: 200, delayMs: 5000 }
      }),
    )
    await engine.close()
    expect(engine.get(created!.id)).toMatchObject({ status: 'pending', attempts: [] })
  })
})
