import { listRoutes, type RouteDefinition } from '@octopuspro/contract'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { setup } from '../helpers/api.js'
import { buildWorld, lineItems } from '../helpers/world.js'

const { api, close } = setup()
afterAll(close)

/** Real ids mixed with junk, so handlers get past the 404s. */
const someIds = (async () => {
  const world = await buildWorld(api)
  const appointment = await world.create('appointments', {
    booking_id: world.booking.id,
    fieldworker_id: world.fieldworker.id,
    scheduled_start: '2026-12-03T09:00:00.000Z',
    scheduled_end: '2026-12-03T11:00:00.000Z',
  })
  const payment = await world.create('payments', {
    customer_id: world.customer.id,
    invoice_id: world.invoice.id,
    amount: 100,
    method: 'cash',
  })
  const webhook = await world.create('webhooks', { name: 'w', url: 'http://127.0.0.1:9/hook', event_types: ['*'] })
  const key = await world.create('api-keys', { name: 'k' })
  const ids = [
    world.customer,
    world.fieldworker,
    world.dispatcher,
    world.inquiry,
    world.quote,
    world.booking,
    world.invoice,
    appointment,
    payment,
    webhook,
    key,
  ]
  return [...ids.map((o) => o.id), 'mailchimp', 'google_maps', 'tap']
})()

const methods = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const
const statuses = [
  'draft',
  'open',
  'void',
  'paid',
  'pending',
  'confirmed',
  'arrived',
  'completed',
  'cancelled',
  'accepted',
  'resolved',
]

function fieldsOf(route: RouteDefinition): string[] {
  const shape = (route.body as unknown as { shape?: Record<string, unknown> } | undefined)?.shape
  return Object.keys(shape ?? {})
}

function requestFor(route: RouteDefinition, ids: string[]) {
  const idsForRoute = route.id ? ids.filter((id) => route.id?.safeParse(id).success) : []
  const value = fc.oneof(
    fc.constantFrom(...ids),
    fc.constantFrom(...statuses),
    fc.constantFrom('2026-12-01T10:00:00.000Z', '2026-12-01T09:00:00.000Z', '2026-12-31'),
    fc.integer({ min: -5, max: 2_000_000 }),
    fc.constant(lineItems),
    fc.constant(['*']),
    fc.constant({ api_key: 'k', audience_id: 'a' }),
    fc.boolean(),
    fc.constant(null),
    fc.jsonValue({ maxDepth: 3 }),
  )
  const fields = [...fieldsOf(route), 'unexpected']
  return fc.record({
    route: fc.constant(route),
    method: fc.oneof(
      { weight: 9, arbitrary: fc.constant(route.method) },
      { weight: 1, arbitrary: fc.constantFrom(...methods) },
    ),
    id: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...(idsForRoute.length ? idsForRoute : ['none'])) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map(encodeURIComponent) },
    ),
    query: fc.dictionary(
      fc.constantFrom(
        'limit',
        'starting_after',
        'ending_before',
        'created_after',
        'status',
        'search',
        'category',
        'type',
      ),
      fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...ids, '5', '2026-11-01T00:00:00.000Z')),
      { maxKeys: 2 },
    ),
    body: fc.oneof(
      { weight: 9, arbitrary: fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: fields.length }) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    ),
  })
}

describe('no input produces a 500', () => {
  it('random bodies, ids, queries and methods on every route answer 2xx/4xx, never 5xx', async () => {
    const ids = await someIds
    const answered = new Set<number>()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...listRoutes().map((r) => r.definition)).chain((route) => requestFor(route, ids)),
        async ({ route, method, id, query, body }) => {
          const search = route.method === 'GET' ? `?${new URLSearchParams(query)}` : ''
          const path = `/v1${route.path.replace('{id}', id)}${search}`
          const res = await api(method, path, method === 'GET' || method === 'DELETE' ? {} : { body })
          answered.add(res.status)
          if (res.status >= 500)
            throw new Error(`${method} ${path} ${JSON.stringify(body)} → ${res.status} ${res.text}`)
        },
      ),
      { numRuns: 1000 },
    )
    for (const status of [200, 400, 404, 409]) expect(answered).toContain(status)
  })
})
