import { describe, expect, it } from 'vitest'
import { listRoutes, routes } from '../src/index.js'

const crud = (path: string) => [
  `GET ${path}`,
  `POST ${path}`,
  `GET ${path}/{id}`,
  `PATCH ${path}/{id}`,
  `DELETE ${path}/{id}`,
]

// Every endpoint the wire contract (docs/wire-contract.md) names, written out by hand from the spec so that the table
// cannot silently lose one.
const specEndpoints = [
  ...['/customers', '/users', '/inquiries', '/quotes', '/bookings', '/invoices', '/complaints'].flatMap(crud),
  'GET /appointments',
  'POST /appointments',
  'GET /appointments/{id}',
  'PATCH /appointments/{id}',
  'POST /appointments/{id}/status',
  'POST /appointments/{id}/arrive',
  'GET /payments',
  'POST /payments',
  'GET /payments/{id}',
  'POST /payments/{id}/approve',
  'POST /payments/{id}/reject',
  'POST /payments/{id}/refund',
  'GET /communications',
  'POST /communications',
  'GET /communications/{id}',
  'GET /account',
  'GET /api-keys',
  'POST /api-keys',
  'GET /api-keys/{id}',
  'PATCH /api-keys/{id}',
  'POST /api-keys/{id}/roll',
  'POST /api-keys/{id}/revoke',
  'GET /integrations',
  'GET /integrations/{id}',
  'PUT /integrations/{id}',
  'DELETE /integrations/{id}',
  ...crud('/webhooks'),
  'GET /webhooks/{id}/secret',
  'POST /webhooks/{id}/rotate-secret',
  'POST /webhooks/{id}/test',
  'GET /webhooks/{id}/deliveries',
  'GET /webhook-deliveries/{id}',
  'POST /webhook-deliveries/{id}/redeliver',
  'GET /webhook-event-types',
  'GET /events',
  'GET /events/{id}',
  // Not in the wire contract: the request log the reference server keeps for `octopuspro logs tail`.
  'GET /request-logs',
]

describe('route table', () => {
  const table = listRoutes().map((r) => `${r.definition.method} ${r.definition.path}`)

  it('has every endpoint of the wire contract', () => {
    expect(specEndpoints.filter((e) => !table.includes(e))).toEqual([])
  })

  it('has nothing the wire contract does not name, and no route twice', () => {
    expect(table.filter((e) => !specEndpoints.includes(e))).toEqual([])
    expect(new Set(table).size).toBe(table.length)
  })

  it('has no delete or update where the wire contract forbids them', () => {
    expect(table).not.toContain('PATCH /payments/{id}')
    expect(table).not.toContain('DELETE /payments/{id}')
    expect(table).not.toContain('DELETE /appointments/{id}')
    expect(table).not.toContain('PATCH /communications/{id}')
    expect(table).not.toContain('DELETE /communications/{id}')
  })

  it('names routes as the client methods are named', () => {
    expect(listRoutes().map((r) => r.name)).toContain('appointments.setStatus')
    expect(listRoutes().map((r) => r.name)).toContain('webhooks.rotateSecret')
    expect(routes.apiKeys.roll.path).toBe('/api-keys/{id}/roll')
  })

  it('gives every {id} path an id schema and every list an item schema', () => {
    for (const { name, definition } of listRoutes()) {
      expect(definition.path.includes('{id}'), name).toBe(definition.id !== undefined)
      expect(definition.list, name).toBe(definition.item !== undefined)
      expect(definition.method === 'POST' && !definition.path.includes('{id}') ? 201 : 200, name).toBe(
        definition.status,
      )
      if (['POST', 'PATCH', 'PUT'].includes(definition.method)) expect(definition.body, name).toBeDefined()
      else expect(definition.body, name).toBeUndefined()
    }
  })

  it('records the events each write emits', () => {
    expect(routes.customers.create.emits).toEqual(['customer.created'])
    expect(routes.bookings.update.emits).toEqual(['booking.updated'])
    expect(routes.invoices.delete.emits).toEqual(['invoice.deleted'])
    expect(routes.appointments.create.emits).toEqual([])
    expect(routes.appointments.arrive.emits).toEqual(['appointment.status_changed', 'appointment.fieldworker_arrived'])
    expect(routes.payments.create.emits).toEqual(['payment.created'])
    expect(routes.communications.create.emits).toHaveLength(5)
    // every event type is emitted by some route
    const emitted = new Set(listRoutes().flatMap((r) => r.definition.emits))
    expect(emitted.size).toBe(32)
  })

  it('gives the routes of a group one label, what the server calls its objects', () => {
    const labels = Object.fromEntries(
      Object.entries(routes).map(([group, actions]) => [
        group,
        [...new Set(Object.values(actions).map((route) => route.label))],
      ]),
    )
    expect(labels).toEqual({
      customers: ['customer'],
      users: ['user'],
      inquiries: ['inquiry'],
      quotes: ['quote'],
      bookings: ['booking'],
      appointments: ['appointment'],
      invoices: ['invoice'],
      payments: ['payment'],
      complaints: ['complaint'],
      communications: ['communication'],
      account: ['account'],
      apiKeys: ['API key'],
      integrations: ['integration'],
      webhooks: ['webhook endpoint'],
      webhookDeliveries: ['webhook delivery'],
      webhookEventTypes: ['event type'],
      events: ['event'],
      requestLogs: ['request log entry'],
    })
  })

  it('validates path ids by prefix', () => {
    expect(routes.customers.get.id.safeParse('cus_01abc').success).toBe(true)
    expect(routes.customers.get.id.safeParse('usr_01abc').success).toBe(false)
    expect(routes.customers.get.id.safeParse('cus_../../x').success).toBe(false)
    expect(routes.integrations.get.id.safeParse('mailchimp').success).toBe(true)
    expect(routes.integrations.get.id.safeParse('myspace').success).toBe(false)
  })
})
