import { eventSchemas, eventTypes } from '@octopuspro/contract'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { describe, expect, it, vi } from 'vitest'
import { createTestEvent, sendTestWebhook, signPayload } from '../../src/testing/index.js'
import { SECRET } from '../helpers.js'

describe('createTestEvent', () => {
  it.each(eventTypes)('makes a valid %s event with a fresh id and the current time', (type) => {
    const event = createTestEvent(type)
    expect(eventSchemas[type].safeParse(event).success).toBe(true)
    expect(event.type).toBe(type)
    expect(Math.abs(Date.parse(event.timestamp) - Date.now())).toBeLessThan(60_000)
  })

  it('gives every event its own id and merges overrides', () => {
    expect(createTestEvent('booking.created').id).not.toBe(createTestEvent('booking.created').id)
    const event = createTestEvent('payment.refunded', { id: 'evt_mine', test: true, data: { amount_refunded: 500 } })
    expect(event).toMatchObject({
      id: 'evt_mine',
      test: true,
      data: { amount_refunded: 500, status: 'refunded', object: 'payment' },
    })
  })
})

describe('signPayload', () => {
  it('returns headers that the standardwebhooks package verifies', async () => {
    const body = JSON.stringify(createTestEvent('customer.created'))
    const headers = await signPayload({ secret: SECRET, id: 'evt_1', body })
    expect(headers).toEqual({
      'webhook-id': 'evt_1',
      'webhook-timestamp': expect.stringMatching(/^\d+$/),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
      'content-type': 'application/json',
    })
    expect(new StandardWebhook(SECRET).verify(body, headers)).toEqual(JSON.parse(body))
  })

  it('signs at a given time, as seconds or a date, with every secret given', async () => {
    const at = await signPayload({
      secret: [SECRET, SECRET],
      id: 'evt_1',
      body: '{}',
      timestamp: new Date('2026-11-27T09:00:00Z'),
    })
    expect(at['webhook-timestamp']).toBe('1795770000')
    expect(at['webhook-signature'].split(' ')).toHaveLength(2)
    const seconds = await signPayload({ secret: SECRET, id: 'evt_1', body: '{}', timestamp: 1795770000 })
    expect(seconds['webhook-signature']).toBe(at['webhook-signature'].split(' ')[0])
  })
})

describe('sendTestWebhook', () => {
  it('posts the event as JSON with signed headers through the given fetch', async () => {
    const event = createTestEvent('quote.created')
    const fetch = vi.fn(async () => new Response(null, { status: 204 }))
    const response = await sendTestWebhook('http://receiver.test/hooks', {
      secret: SECRET,
      event,
      timestamp: 1795770000,
      fetch,
    })
    expect(response.status).toBe(204)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit & { headers: Record<string, string> }]
    expect(url).toBe('http://receiver.test/hooks')
    expect(init.method).toBe('POST')
    expect(init.body).toBe(JSON.stringify(event))
    expect(init.headers).toMatchObject({
      'webhook-id': event.id,
      'webhook-timestamp': '1795770000',
      'content-type': 'application/json',
    })
  })
})
