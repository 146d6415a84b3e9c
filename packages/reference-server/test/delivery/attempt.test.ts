import { generateWebhookSecret } from '@octopuspro/contract'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock, systemClock } from '../../src/clock.js'
import { createTestEngine, type ReceivedRequest, type Receiver, startReceiver, testEvent } from './helpers.js'

let receiver: Receiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

function headersOf(request: ReceivedRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]))
}

function svixHeaders(request: ReceivedRequest): Record<string, string> {
  return {
    'svix-id': String(request.headers['webhook-id']),
    'svix-timestamp': String(request.headers['webhook-timestamp']),
    'svix-signature': String(request.headers['webhook-signature']),
  }
}

describe('one attempt', () => {
  it('POSTs the event JSON with Standard Webhooks headers that standardwebhooks and svix verify', async () => {
    receiver = await startReceiver()
    const { engine, addEndpoint } = createTestEngine()
    const endpoint = addEndpoint(receiver.url)
    const event = testEvent()
    engine.dispatch(event, [endpoint.id])
    const delivery = await engine.waitFor({ eventId: event.id, status: 'succeeded' })

    expect(receiver.requests).toHaveLength(1)
    const request = receiver.requests[0]!
    expect(request.method).toBe('POST')
    expect(request.url).toBe('/hooks')
    expect(request.body).toBe(JSON.stringify(event))
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.headers['user-agent']).toBe('OctopusPro-Webhooks/test')
    expect(request.headers['webhook-id']).toBe(event.id)
    expect(Number(request.headers['webhook-timestamp'])).toBe(Math.floor(Date.parse(delivery.attempts[0]!.at) / 1000))
    expect(String(request.headers['webhook-signature'])).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/)
    expect(new StandardWebhook(endpoint.secretList[0]!).verify(request.body, headersOf(request))).toEqual(event)
    expect(new SvixWebhook(endpoint.secretList[0]!).verify(request.body, svixHeaders(request))).toEqual(event)
    await engine.close()
  })

  it('signs with every valid secret during a rotation, so receivers with either secret verify', async () => {
    receiver = await startReceiver()
    const { engine, addEndpoint } = createTestEngine()
    const endpoint = addEndpoint(receiver.url)
    const [previous, current] = [endpoint.secretList[0]!, generateWebhookSecret()]
    endpoint.secretList = [current, previous]
    engine.dispatch(testEvent(), [endpoint.id])
    await engine.idle()

    const request = receiver.requests[0]!
    const signatures = String(request.headers['webhook-signature']).split(' ')
    expect(signatures).toHaveLength(2)
    expect(signatures.every((signature) => signature.startsWith('v1,'))).toBe(true)
    for (const secret of [previous, current]) {
      expect(new StandardWebhook(secret).verify(request.body, headersOf(request))).toEqual(JSON.parse(request.body))
      expect(new SvixWebhook(secret).verify(request.body, svixHeaders(request))).toEqual(JSON.parse(request.body))
    }
    expect(() => new StandardWebhook(generateWebhookSecret()).verify(request.body, headersOf(request))).toThrow()
    await engine.close()
  })

  it('uses the secrets valid at each attempt: a rotation between attempts changes the signatures', async () => {
    receiver = await startReceiver((_, index) => ({ status: index === 0 ? 500 : 200 }))
    const clock = manualClock()
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [1000] })
    const endpoint = addEndpoint(receiver.url)
    const [first] = endpoint.secretList
    engine.dispatch(testEvent(), [endpoint.id])
    await engine.idle()
    const next = generateWebhookSecret()
    endpoint.secretList = [next]
    await clock.advance(1000)

    const [one, two] = receiver.requests
    expect(new StandardWebhook(first!).verify(one!.body, headersOf(one!))).toBeTruthy()
    expect(new StandardWebhook(next).verify(two!.body, headersOf(two!))).toBeTruthy()
    expect(() => new StandardWebhook(first!).verify(two!.body, headersOf(two!))).toThrow()
    await engine.close()
  })

  it('keeps the webhook-id and the body bytes on every retry, with a fresh timestamp per attempt', async () => {
    receiver = await startReceiver((_, index) => ({ status: index < 2 ? 503 : 200 }))
    const clock = manualClock()
    const { engine, addEndpoint } = createTestEngine({ clock, retrySchedule: [2000, 5000] })
    const endpoint = addEndpoint(receiver.url)
    const event = testEvent()
    engine.dispatch(event, [endpoint.id])
    await engine.idle()
    await clock.advance(7000)

    expect(receiver.requests).toHaveLength(3)
    const timestamps = receiver.requests.map((request) => Number(request.headers['webhook-timestamp']))
    expect(timestamps[1]! - timestamps[0]!).toBe(2)
    expect(timestamps[2]! - timestamps[1]!).toBe(5)
    for (const request of receiver.requests) {
      expect(request.headers['webhook-id']).toBe(event.id)
      expect(request.body).toBe(receiver.requests[0]!.body)
      expect(new StandardWebhook(endpoint.secretList[0]!).verify(request.body, headersOf(request))).toEqual(event)
    }
    expect(new Set(receiver.requests.map((request) => request.headers['webhook-signature'])).size).toBe(3)
    await engine.close()
  })

  it('records status, duration and the answer; a 2xx of any kind is a success', async () => {
    receiver = await startReceiver(() => ({ status: 202, body: '{"received":true}' }))
    const clock = manualClock('2026-11-27T10:00:00.000Z')
    const { engine, addEndpoint, lines } = createTestEngine({ clock })
    const endpoint = addEndpoint(receiver.url)
    const event = testEvent()
    const [created] = engine.dispatch(event, [endpoint.id])
    await engine.idle()

    expect(engine.get(created!.id)).toEqual({
      id: created!.id,
      object: 'webhook_delivery',
      endpoint_id: endpoint.id,
      event_id: event.id,
      event_type: 'booking.created',
      status: 'succeeded',
      attempts: [
        {
          at: '2026-11-27T10:00:00.000Z',
          status_code: 202,
          error: null,
          duration_ms: 0,
          response_body_excerpt: '{"received":true}',
        },
      ],
      next_attempt_at: null,
      created_at: '2026-11-27T10:00:00.000Z',
      updated_at: '2026-11-27T10:00:00.000Z',
    })
    expect(lines).toEqual([`→ ${created!.id} booking.created ${endpoint.id} 202 0ms attempt 1`])
    await engine.close()
  })

  it('measures duration on the clock, from sending to the answer', async () => {
    let time = Date.parse('2026-11-27T10:00:00.000Z')
    const clock = { ...systemClock, now: () => time }
    receiver = await startReceiver(() => {
      time += 250
      return { status: 200 }
    })
    const { engine, addEndpoint } = createTestEngine({ clock })
    const [created] = engine.dispatch(testEvent(), [addEndpoint(receiver.url).id])
    await engine.idle()
    expect(engine.get(created!.id)!.attempts).toEqual([
      { at: '2026-11-27T10:00:00.000Z', status_code: 200, error: null, duration_ms: 250, response_body_excerpt: null },
    ])
    expect(engine.get(created!.id)!.updated_at).toBe('2026-11-27T10:00:00.250Z')
    await engine.close()
  })

  it('keeps only the first 1 KiB of the answer, never splitting a character', async () => {
    const long = 'é'.repeat(700) // 1400 bytes of UTF-8
    receiver = await startReceiver(() => ({
      status: 200,
      body: long,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    }))
    const { engine, addEndpoint } = createTestEngine()
    const endpoint = addEndpoint(receiver.url)
    const [created] = engine.dispatch(testEvent(), [endpoint.id])
    await engine.idle()
    expect(engine.get(created!.id)!.attempts[0]!.response_body_excerpt).toBe('é'.repeat(512))

    receiver.respond(() => ({ status: 500, body: 'x'.repeat(5000) }))
    const [second] = engine.dispatch(testEvent(), [endpoint.id])
    await engine.idle()
    expect(engine.get(second!.id)!.attempts[0]!.response_body_excerpt).toBe('x'.repeat(1024))
    await engine.close()
  })

  it('records no excerpt for an empty answer', async () => {
    receiver = await startReceiver(() => ({ status: 204 }))
    const { engine, addEndpoint } = createTestEngine()
    const [created] = engine.dispatch(testEvent(), [addEndpoint(receiver.url).id])
    await engine.idle()
    expect(engine.get(created!.id)!.attempts[0]!.response_body_excerpt).toBeNull()
    await engine.close()
  })
})
