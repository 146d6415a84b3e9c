import { setupServer } from 'msw/node'
import { afterEach, describe, expect, it } from 'vitest'
import { createReferenceServer, type ReferenceServer } from '../src/index.js'
import { createHandlers } from '../src/msw.js'
import { startReceiver } from './helpers/receiver.js'

let server: ReferenceServer
let mocks: ReturnType<typeof setupServer> | undefined
afterEach(async () => {
  mocks?.close()
  await server.close()
})

describe('@octopuspro/reference-server/msw', () => {
  it('answers the code’s own fetch calls to server.url from the same app', async () => {
    server = createReferenceServer()
    mocks = setupServer(...createHandlers(server))
    mocks.listen({ onUnhandledRequest: 'error' })
    const headers = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }
    const created = await fetch(`${server.baseUrl}/customers`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Ada' }),
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('x-request-id')).toMatch(/^req_/)
    const customer = await created.json()
    const list = await (await fetch(`${server.baseUrl}/customers`, { headers })).json()
    expect(list.data).toEqual([customer])
    expect(server.events.list().map((e) => e.type)).toEqual(['customer.created'])
    const missing = await fetch(`${server.baseUrl}/customers/cus_missing`, { headers })
    expect([missing.status, (await missing.json()).error.code]).toEqual([404, 'resource_missing'])
  })

  it('leaves other hosts alone, so webhooks still reach a real receiver', async () => {
    const receiver = await startReceiver()
    server = createReferenceServer({ delivery: { retrySchedule: [10], jitter: 0 } })
    mocks = setupServer(...createHandlers(server))
    mocks.listen({ onUnhandledRequest: 'bypass' })
    const headers = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }
    await fetch(`${server.baseUrl}/webhooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'r', url: receiver.url, event_types: ['*'] }),
    })
    await fetch(`${server.baseUrl}/customers`, { method: 'POST', headers, body: JSON.stringify({ name: 'Ada' }) })
    await server.deliveries.waitFor({ type: 'customer.created', status: 'succeeded' })
    expect(receiver.received).toHaveLength(1)
    await receiver.close()
  })
})
