import { createServer } from 'node:http'
import type { WebhookDelivery } from '@octopuspro/contract'
import { type ReferenceServer, startReferenceServer } from '@octopuspro/reference-server'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expressWebhooks, memoryDedupe, type UnknownWebhookEvent, type WebhookEvent, Webhooks } from '../src/index.js'
import { listen } from './helpers.js'

/**
 * The reference server delivers real events to this package's receiver in a real Express app: endpoints are
 * created with plain fetch calls to the server's API.
 */
describe('reference server → Express receiver', () => {
  let server: ReferenceServer
  let receiverUrl: string
  let closeReceiver: () => Promise<void>
  // The route delegates to the current receiver, so each test configures its own Webhooks.
  let current: ReturnType<typeof expressWebhooks> = (_req, res) => void res.writeHead(503).end()

  beforeAll(async () => {
    server = await startReferenceServer({ delivery: { retrySchedule: [20, 20], jitter: 0, timeoutMs: 2000 } })
    const app = express()
    app.post('/octopuspro', (req, res) => current(req, res))
    app.use(express.json())
    ;({ url: receiverUrl, close: closeReceiver } = await listen(createServer(app)))
  })

  afterAll(async () => {
    await server.close()
    await closeReceiver()
  })

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const json = (await response.json()) as T
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`)
    return json
  }

  async function endpoint(eventTypes: string[]): Promise<{ id: string; secret: string }> {
    return api('POST', '/webhooks', {
      name: 'Receiver under test',
      url: `${receiverUrl}/octopuspro`,
      event_types: eventTypes,
    })
  }

  function receiver(secret: string | string[]) {
    const webhooks = new Webhooks({ secret, dedupe: memoryDedupe() })
    const received: (WebhookEvent | UnknownWebhookEvent)[] = []
    webhooks.onAny((event) => void received.push(event))
    current = expressWebhooks(webhooks)
    return { webhooks, received }
  }

  it('receives the event of an API change, verified and parsed, and the delivery succeeds with 204', async () => {
    const { id, secret } = await endpoint(['customer.created'])
    const { webhooks, received } = receiver(secret)
    const names: string[] = []
    webhooks.on('customer.created', (event) => void names.push(event.data.name))
    const customer = await api<{ id: string }>('POST', '/customers', { name: 'Ada Lovelace', email: 'ada@example.com' })
    const delivery = await server.deliveries.waitFor({ endpointId: id, type: 'customer.created', status: 'succeeded' })
    expect(delivery.attempts.map((a) => a.status_code)).toEqual([204])
    expect(names).toEqual(['Ada Lovelace'])
    expect(received).toMatchObject([{ id: delivery.event_id, type: 'customer.created', data: { id: customer.id } }])
    await api('DELETE', `/webhooks/${id}`)
  })

  it('receives a test event of any type', async () => {
    const { id, secret } = await endpoint(['*'])
    const { received } = receiver(secret)
    await api('POST', `/webhooks/${id}/test`, { event_type: 'payment.approved' })
    await server.deliveries.waitFor({ endpointId: id, type: 'payment.approved', status: 'succeeded' })
    expect(received).toMatchObject([{ type: 'payment.approved', test: true, data: { object: 'payment' } }])
    await api('DELETE', `/webhooks/${id}`)
  })

  it('answers a redelivery of a handled event 200 without running the handlers again', async () => {
    const { id, secret } = await endpoint(['customer.updated'])
    const { received } = receiver(secret)
    const customer = await api<{ id: string }>('POST', '/customers', { name: 'Grace Hopper' })
    await api('PATCH', `/customers/${customer.id}`, { name: 'Grace B. Hopper' })
    const first = await server.deliveries.waitFor({ endpointId: id, type: 'customer.updated', status: 'succeeded' })
    await api('POST', `/webhook-deliveries/${first.id}/redeliver`, {})
    await server.deliveries.idle()
    const again = await api<WebhookDelivery>('GET', `/webhook-deliveries/${first.id}`)
    expect(again.status).toBe('succeeded')
    expect(again.attempts.map((a) => a.status_code)).toEqual([204, 200])
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ type: 'customer.updated', previous_attributes: { name: 'Grace Hopper' } })
    await api('DELETE', `/webhooks/${id}`)
  })

  it('runs a failed event again on the server retry', async () => {
    const { id, secret } = await endpoint(['inquiry.created'])
    const { webhooks } = receiver(secret)
    let attempts = 0
    webhooks.on('inquiry.created', () => {
      attempts++
      if (attempts === 1) throw new Error('database briefly down')
    })
    webhooks.onError(() => undefined)
    await api('POST', '/inquiries', { name: 'Alan Turing', service: 'Window cleaning', message: 'Three floors' })
    const delivery = await server.deliveries.waitFor({ endpointId: id, type: 'inquiry.created', status: 'succeeded' })
    expect(delivery.attempts.map((a) => a.status_code)).toEqual([500, 204])
    expect(JSON.parse(delivery.attempts[0]?.response_body_excerpt ?? '')).toMatchObject({
      error: { reason: 'handler_failed' },
    })
    expect(attempts).toBe(2)
    await api('DELETE', `/webhooks/${id}`)
  })

  it('keeps verifying with the old secret during a rotation, and with the new one', async () => {
    const { id, secret: oldSecret } = await endpoint(['complaint.created'])
    const { secret: newSecret } = await api<{ secret: string }>('POST', `/webhooks/${id}/rotate-secret`, {
      expires_in_seconds: 3600,
    })
    expect(newSecret).not.toBe(oldSecret)
    const customer = await api<{ id: string }>('POST', '/customers', { name: 'Katherine Johnson' })
    // Each receiver knows one secret only: both verify because every delivery carries both signatures.
    for (const secret of [oldSecret, newSecret]) {
      const { received } = receiver(secret)
      await api('POST', '/complaints', { customer_id: customer.id, subject: 'Late', description: 'Two hours late' })
      await server.deliveries.idle()
      expect(received).toMatchObject([{ type: 'complaint.created' }])
      const delivery = server.deliveries.list({ endpointId: id }).find((d) => d.event_id === received[0]?.id)
      expect(delivery).toMatchObject({ status: 'succeeded', attempts: [{ status_code: 204 }] })
    }
    await api('DELETE', `/webhooks/${id}`)
  })
})
