import { Webhook as StandardWebhook } from 'standardwebhooks'
import { afterEach, describe, expect, it } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../../src/index.js'
import { type ReceivedRequest, type Receiver, startReceiver } from './helpers.js'

let server: ReferenceServer | undefined
let receiver: Receiver | undefined
afterEach(async () => {
  await server?.close()
  await receiver?.close()
  server = receiver = undefined
})

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server!.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${server!.apiKey}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: await response.json() }
}

function headersOf(request: ReceivedRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]))
}

describe('webhooks end to end: API → event → signed delivery on a real port', () => {
  it('delivers a created resource to the endpoint made over the API, verifiable with standardwebhooks', async () => {
    server = await startReferenceServer({ port: 0, delivery: { retrySchedule: [20], jitter: 0 } })
    receiver = await startReceiver(() => ({ status: 200, body: 'ok' }))
    const endpoint = await api('POST', '/webhooks', {
      name: 'CRM sync',
      url: receiver.url,
      event_types: ['customer.created'],
    })
    expect(endpoint.status).toBe(201)
    expect(endpoint.body.secret).toMatch(/^whsec_/)

    const customer = await api('POST', '/customers', { name: 'Ada Lovelace' })
    expect(customer.status).toBe(201)
    const delivery = await server.deliveries.waitFor({
      type: 'customer.created',
      endpointId: endpoint.body.id,
      status: 'succeeded',
    })

    expect(receiver.requests).toHaveLength(1)
    const request = receiver.requests[0]!
    expect(request.headers['user-agent']).toMatch(/^OctopusPro-Webhooks\/\d+\.\d+\.\d+/)
    const event = new StandardWebhook(endpoint.body.secret).verify(request.body, headersOf(request)) as Record<
      string,
      unknown
    >
    expect(event).toMatchObject({
      id: delivery.event_id,
      object: 'event',
      type: 'customer.created',
      data: customer.body,
    })
    expect(request.headers['webhook-id']).toBe(delivery.event_id)

    const logged = await api('GET', `/webhook-deliveries/${delivery.id}`)
    expect(logged).toEqual({ status: 200, body: delivery })
    expect(logged.body.attempts).toEqual([
      {
        at: expect.any(String),
        status_code: 200,
        error: null,
        duration_ms: expect.any(Number),
        response_body_excerpt: 'ok',
      },
    ])
  })

  it('signs with both secrets while a rotation overlaps, each verifying on its own', async () => {
    server = await startReferenceServer({ port: 0 })
    receiver = await startReceiver()
    const endpoint = await api('POST', '/webhooks', { name: 'All events', url: receiver.url, event_types: ['*'] })
    const rotated = await api('POST', `/webhooks/${endpoint.body.id}/rotate-secret`, { expires_in_seconds: 3600 })
    expect(rotated.status).toBe(200)
    expect(rotated.body.secret).not.toBe(endpoint.body.secret)

    await api('POST', '/customers', { name: 'Grace Hopper' })
    await server.deliveries.waitFor({ type: 'customer.created', status: 'succeeded' })
    const request = receiver.requests[0]!
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2)
    for (const secret of [endpoint.body.secret, rotated.body.secret]) {
      expect(new StandardWebhook(secret).verify(request.body, headersOf(request))).toMatchObject({
        type: 'customer.created',
      })
    }
  })

  it('retries a failed delivery, shows it over the API, and redelivers on request', async () => {
    server = await startReferenceServer({ port: 0, delivery: { retrySchedule: [20], jitter: 0 } })
    receiver = await startReceiver(() => ({ status: 500 }))
    const endpoint = await api('POST', '/webhooks', {
      name: 'Flaky',
      url: receiver.url,
      event_types: ['customer.created'],
    })
    await api('POST', '/customers', { name: 'Alan Turing' })
    const failed = await server.deliveries.waitFor({ status: 'failed' })
    expect(failed.attempts.map((attempt) => attempt.status_code)).toEqual([500, 500])
    expect((await api('GET', `/webhooks/${endpoint.body.id}/deliveries?status=failed`)).body.data).toEqual([failed])

    receiver.respond(() => ({ status: 204 }))
    const redelivered = await api('POST', `/webhook-deliveries/${failed.id}/redeliver`)
    expect(redelivered.body).toMatchObject({ id: failed.id, status: 'pending' })
    const succeeded = await server.deliveries.waitFor({ status: 'succeeded' })
    expect(succeeded.attempts.map((attempt) => attempt.status_code)).toEqual([500, 500, 204])
    expect(new Set(receiver.requests.map((request) => request.headers['webhook-id'])).size).toBe(1)
  })
})
