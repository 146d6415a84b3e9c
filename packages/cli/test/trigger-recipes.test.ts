import { OctopusPro } from '@octopuspro/client'
import { eventCatalog } from '@octopuspro/contract'
import { createReferenceServer } from '@octopuspro/reference-server'
import { afterAll, describe, expect, it } from 'vitest'
import { trigger } from '../src/commands/trigger.js'
import { triggerRecipes } from '../src/commands/trigger-recipes.js'

const server = createReferenceServer()
const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
afterAll(() => server.close())

describe('trigger recipes', () => {
  it('cover every event type of the catalog, and nothing else', () => {
    expect(Object.keys(triggerRecipes).sort()).toEqual(eventCatalog.map((entry) => entry.type).sort())
  })

  it.each(eventCatalog.map((entry) => entry.type))('%s: the API calls cause the event', async (type) => {
    const result = await trigger(op, type)
    const event = server.events.list().find((e) => e.id === result.event_id)
    expect(event).toMatchObject({ type, data: { id: result.steps.at(-1)?.object.id } })
    expect(result.steps[0]?.step).toMatch(/^create /)
  })

  it('payment.approved: creates a customer, an invoice and a payment, and approves it', async () => {
    const { steps } = await trigger(op, 'payment.approved')
    expect(steps.map((s) => [s.step, s.object.object])).toEqual([
      ['create customer', 'customer'],
      ['create invoice', 'invoice'],
      ['create payment', 'payment'],
      ['approve payment', 'payment'],
    ])
    expect(steps[3]?.object).toMatchObject({ status: 'approved' })
  })
})
