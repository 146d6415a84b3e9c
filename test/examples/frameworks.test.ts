import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateWebhookSecret } from '@octopuspro/contract'
import { isWebhookVerificationError, memoryDedupe, Webhooks } from '@octopuspro/webhooks'
import { createTestEvent, sendTestWebhook, signPayload } from '@octopuspro/webhooks/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { createExpressJsonFirstApp, createExpressRawApp } from './frameworks/express-raw.js'
import { createFastifyApp } from './frameworks/fastify.js'
import { createNodeServer } from './frameworks/node-http.js'
import { processStoredDelivery } from './frameworks/verify-only.js'

// The receiving-webhooks guide shows these files; each door is checked here with deliveries signed as OctopusPro
// signs them.
const secret = generateWebhookSecret()
const servers: Server[] = []

async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

function receiverCounting(types: string[]) {
  const webhooks = new Webhooks({ secret, dedupe: memoryDedupe() })
  webhooks.onAny((event) => void types.push(event.type))
  return webhooks
}

async function signed(event: { id: string }, body = JSON.stringify(event)) {
  return { body, headers: await signPayload({ secret, id: event.id, body }) }
}

describe('Fastify, through webhooks.respond', () => {
  it('verifies the raw body: 204, 200 for a duplicate, 401 for a forgery; other routes still parse JSON', async () => {
    const types: string[] = []
    const app = createFastifyApp(receiverCounting(types))
    const event = createTestEvent('booking.created')
    const { body, headers } = await signed(event)

    const first = await app.inject({ method: 'POST', url: '/webhooks/octopuspro', headers, payload: body })
    expect([first.statusCode, first.body]).toEqual([204, ''])
    const again = await app.inject({ method: 'POST', url: '/webhooks/octopuspro', headers, payload: body })
    expect([again.statusCode, again.json()]).toEqual([200, { duplicate: true, id: event.id }])
    const forged = await app.inject({
      method: 'POST',
      url: '/webhooks/octopuspro',
      headers,
      payload: body.replace('"object"', '"object" '),
    })
    expect([forged.statusCode, forged.json().error.reason]).toEqual([401, 'no_matching_signature'])
    expect(types).toEqual(['booking.created'])

    const order = await app.inject({ method: 'POST', url: '/orders', payload: { sku: 'gutter-guard' } })
    expect(order.json()).toEqual({ parsed: { sku: 'gutter-guard' } })
    await app.close()
  })
})

describe('Next.js', () => {
  it('App Router: export const POST = webhooks.handle', async () => {
    process.env.OCTOPUSPRO_WEBHOOK_SECRET = secret
    const route = await import('./frameworks/nextjs-route.js')
    const event = createTestEvent('booking.created')
    const { body, headers } = await signed(event)

    const response = await route.POST(
      new Request('https://shop.example.com/api/webhooks/octopuspro', { method: 'POST', headers, body }),
    )
    expect(response.status).toBe(204)
    expect(route.bookingsReceived).toEqual([event.data.id])
    const reformatted = await route.POST(
      new Request('https://shop.example.com/api/webhooks/octopuspro', {
        method: 'POST',
        headers,
        body: JSON.stringify(event, null, 2),
      }),
    )
    expect(reformatted.status).toBe(401)
  })

  it('Pages Router: nodeWebhooks with the body parser off', async () => {
    process.env.OCTOPUSPRO_WEBHOOK_SECRET = secret
    const api = await import('./frameworks/nextjs-pages-api.js')
    expect(api.config).toEqual({ api: { bodyParser: false } })
    const url = await listen(createServer(api.default))
    const event = createTestEvent('booking.created')
    expect((await sendTestWebhook(`${url}/api/webhooks/octopuspro`, { secret, event })).status).toBe(204)
    expect(api.bookingsReceived).toEqual([event.data.id])
  })
})

describe('node:http', () => {
  it('nodeWebhooks on one path of a plain server', async () => {
    const types: string[] = []
    const url = await listen(createNodeServer(receiverCounting(types)))
    expect(
      (await sendTestWebhook(`${url}/webhooks/octopuspro`, { secret, event: createTestEvent('payment.approved') }))
        .status,
    ).toBe(204)
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404)
    expect(types).toEqual(['payment.approved'])
  })
})

describe('Express', () => {
  it('express.raw() on the webhook route works; the raw Buffer is verified', async () => {
    const types: string[] = []
    const url = await listen(createServer(createExpressRawApp(receiverCounting(types))))
    expect(
      (await sendTestWebhook(`${url}/webhooks/octopuspro`, { secret, event: createTestEvent('quote.updated') })).status,
    ).toBe(204)
    const order = await fetch(`${url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"sku":"a"}',
    })
    expect(await order.json()).toEqual({ sku: 'a' })
    expect(types).toEqual(['quote.updated'])
  })

  it('express.json() before the webhook route: 400 body_not_raw, with a message that says how to fix it', async () => {
    const types: string[] = []
    const url = await listen(createServer(createExpressJsonFirstApp(receiverCounting(types))))
    const response = await sendTestWebhook(`${url}/webhooks/octopuspro`, {
      secret,
      event: createTestEvent('quote.updated'),
    })
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { reason: string; message: string } }
    expect(error.reason).toBe('body_not_raw')
    expect(error.message).toContain('mount the webhook middleware before express.json()')
    expect(types).toEqual([])
  })
})

describe('webhooks.verify, with no HTTP at all', () => {
  it('verifies and parses a stored delivery, and refuses a tampered one', async () => {
    const webhooks = new Webhooks({ secret })
    const event = createTestEvent('payment.approved', { data: { amount: 5000, currency: 'usd' } })
    const { body, headers } = await signed(event)
    expect(await processStoredDelivery(webhooks, { body, headers })).toBe('approved 5000 usd')

    const tampered = processStoredDelivery(webhooks, { body: body.replace('5000', '50000'), headers })
    await expect(tampered).rejects.toSatisfy(
      (error) => isWebhookVerificationError(error) && error.reason === 'no_matching_signature',
    )
  })
})
