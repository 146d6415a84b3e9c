import { OctopusPro } from '@octopuspro/client'
import { createReferenceServer, manualClock } from '@octopuspro/reference-server'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

// #region snapshot
// One server for the file: seeded once, set up once, then put back before every test in well under a millisecond.
const server = createReferenceServer({ seed: 'demo', ids: 'sequential', clock: manualClock('2026-11-27T10:00:00Z') })
const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
const endpoint = await op.webhooks.create({
  name: 'CRM sync',
  url: 'https://crm.example.com/hooks',
  event_types: ['*'],
})
const ready = server.snapshot()

beforeEach(() => server.restore(ready))
// #endregion snapshot

afterAll(() => server.close())

describe('a known state before every test', () => {
  it('a test may change anything', async () => {
    const customer = await op.customers.create({ name: 'Ada Lovelace' })
    await op.webhooks.delete(endpoint.id)
    expect((await op.customers.get(customer.id)).name).toBe('Ada Lovelace')
  })

  it('and the next one starts from the snapshot again: same objects, same next id', async () => {
    await expect(op.webhooks.get(endpoint.id)).resolves.toMatchObject({ id: endpoint.id, name: 'CRM sync' })
    const first = await op.customers.create({ name: 'Grace Hopper' })
    server.restore(ready)
    const again = await op.customers.create({ name: 'Grace Hopper' })
    expect(again).toEqual(first)
  })
})
