import { OctopusPro } from '@octopuspro/client'
import { createReferenceServer } from '@octopuspro/reference-server'
import { createHandlers } from '@octopuspro/reference-server/msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { totalDue } from '../src/open-invoices.js'

// #region msw
const server = createReferenceServer({ seed: 'demo' })
const mocks = setupServer(...createHandlers(server)) // requests to server.url are answered by the reference server

beforeAll(() => mocks.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.reset()) // back to the seed between tests
afterAll(async () => {
  mocks.close()
  await server.close()
})
// #endregion msw

describe('msw: code that calls the API with its own fetch, unchanged', () => {
  it('sums what open invoices still owe, page after page', async () => {
    const open = await new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch }).invoices
      .list({ status: 'open', limit: 100 })
      .toArray({ limit: 1_000 })
    expect(open.length).toBeGreaterThan(0)

    const due = await totalDue({ baseUrl: server.baseUrl, apiKey: server.apiKey })
    expect(due).toBe(open.reduce((sum, invoice) => sum + invoice.amount_due, 0))
  })

  it('sees writes made through the SDK (the same app, the same data), and only until reset()', async () => {
    // the global fetch, intercepted by msw
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl })
    const customer = await op.customers.create({ name: 'Grace Hopper' })
    await op.invoices.create({
      customer_id: customer.id,
      line_items: [{ description: 'Roof inspection', quantity: 1, unit_amount: 25_000 }],
    })
    expect(await totalDue({ baseUrl: server.baseUrl, apiKey: server.apiKey, customerId: customer.id })).toBe(25_000)
  })

  it('answers like the API: a wrong key is a 401', async () => {
    await expect(totalDue({ baseUrl: server.baseUrl, apiKey: 'opk_wrong' })).rejects.toThrow(
      'GET /invoices answered 401',
    )
  })
})
