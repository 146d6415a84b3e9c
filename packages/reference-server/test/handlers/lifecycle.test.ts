import type { RouteGroup } from '@octopuspro/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { expectError, expectRoute, setup } from '../helpers/api.js'
import { buildWorld, lineItems, type World } from '../helpers/world.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

interface Case {
  group: RouteGroup & string
  path: string
  type: string
  create(world: World): Record<string, unknown>
  patch: Record<string, unknown>
}

const cases: Case[] = [
  {
    group: 'customers',
    path: 'customers',
    type: 'customer',
    create: () => ({ name: 'Ada Lovelace', phone: '+1 555 0100' }),
    patch: { phone: '+1 555 0199' },
  },
  {
    group: 'users',
    path: 'users',
    type: 'user',
    create: () => ({ name: 'Mei Chen', email: 'mei@example.com', role: 'sales' }),
    patch: { active: false },
  },
  {
    group: 'inquiries',
    path: 'inquiries',
    type: 'inquiry',
    create: () => ({ name: 'Alan', service: 'Window cleaning', source: 'website' }),
    patch: { status: 'contacted' },
  },
  {
    group: 'quotes',
    path: 'quotes',
    type: 'quote',
    create: (w) => ({ customer_id: w.customer.id, line_items: lineItems }),
    patch: { status: 'sent' },
  },
  {
    group: 'bookings',
    path: 'bookings',
    type: 'booking',
    create: (w) => ({
      customer_id: w.customer.id,
      service: 'Lawn mowing',
      scheduled_start: '2026-12-05T09:00:00.000Z',
      scheduled_end: '2026-12-05T10:00:00.000Z',
    }),
    patch: { status: 'confirmed' },
  },
  {
    group: 'invoices',
    path: 'invoices',
    type: 'invoice',
    create: (w) => ({ customer_id: w.customer.id, line_items: lineItems, status: 'draft' }),
    patch: { status: 'open' },
  },
  {
    group: 'complaints',
    path: 'complaints',
    type: 'complaint',
    create: (w) => ({ customer_id: w.customer.id, subject: 'Late', description: 'Two hours late' }),
    patch: { status: 'resolved' },
  },
]

describe.each(cases)(
  '$path: create, get, list, update, delete with their events',
  ({ group, path, type, create, patch }) => {
    it('round-trips and emits created/updated/deleted with previous_attributes of changed fields only', async () => {
      const clock = manualClock('2026-11-27T10:00:00.000Z')
      current = setup({ clock, ids: 'sequential' })
      const { api, server } = current
      const world = await buildWorld(api)
      const before = server.events.list().length

      const created = expectRoute(`${group}.create` as never, await api('POST', `/v1/${path}`, { body: create(world) }))
      expect(created).toMatchObject({
        object: type,
        metadata: {},
        created_at: '2026-11-27T10:00:00.000Z',
        updated_at: '2026-11-27T10:00:00.000Z',
      })
      expect(expectRoute(`${group}.get` as never, await api('GET', `/v1/${path}/${created.id}`))).toEqual(created)
      expect(expectRoute(`${group}.list` as never, await api('GET', `/v1/${path}?limit=100`)).data.at(-1)).toEqual(
        created,
      )

      await clock.advance(60_000)
      const updated = expectRoute(
        `${group}.update` as never,
        await api('PATCH', `/v1/${path}/${created.id}`, { body: patch }),
      )
      expect(updated).toMatchObject({
        ...patch,
        updated_at: '2026-11-27T10:01:00.000Z',
        created_at: created.created_at,
      })

      const deleted = expectRoute(`${group}.delete` as never, await api('DELETE', `/v1/${path}/${created.id}`))
      expect(deleted).toEqual({ id: created.id, object: type, deleted: true })
      expectError(await api('GET', `/v1/${path}/${created.id}`), {
        status: 404,
        type: 'not_found_error',
        code: 'resource_missing',
        param: 'id',
      })

      const events = server.events.list().slice(before)
      expect(events.map((e) => e.type)).toEqual([`${type}.created`, `${type}.updated`, `${type}.deleted`])
      expect(events[0]).toMatchObject({
        object: 'event',
        api_version: '2026-11-01',
        timestamp: '2026-11-27T10:00:00.000Z',
        data: created,
      })
      expect(events[0]).not.toHaveProperty('previous_attributes')
      const previous = Object.fromEntries(Object.keys(patch).map((key) => [key, created[key]]))
      expect(events[1]).toMatchObject({
        data: updated,
        previous_attributes: { ...previous, updated_at: created.updated_at },
      })
      expect(Object.keys(events[1]?.previous_attributes ?? {}).sort()).toEqual(
        [...Object.keys(patch), 'updated_at'].sort(),
      )
      expect(events[2]).toMatchObject({ data: updated })
    })

    it('a PATCH that changes nothing emits nothing and keeps updated_at', async () => {
      const clock = manualClock('2026-11-27T10:00:00.000Z')
      current = setup({ clock })
      const { api, server } = current
      const world = await buildWorld(api)
      const created = (await api('POST', `/v1/${path}`, { body: create(world) })).body
      await api('PATCH', `/v1/${path}/${created.id}`, { body: patch })
      const count = server.events.list().length
      await clock.advance(60_000)
      const again = expectRoute(
        `${group}.update` as never,
        await api('PATCH', `/v1/${path}/${created.id}`, { body: patch }),
      )
      const empty = expectRoute(
        `${group}.update` as never,
        await api('PATCH', `/v1/${path}/${created.id}`, { body: {} }),
      )
      expect(again.updated_at).toBe('2026-11-27T10:00:00.000Z')
      expect(empty).toEqual(again)
      expect(server.events.list()).toHaveLength(count)
    })

    it('400 on an unknown field and 404 on an unknown id, changing nothing', async () => {
      current = setup()
      const { api } = current
      const world = await buildWorld(api)
      expectError(await api('POST', `/v1/${path}`, { body: { ...create(world), colour: 'red' } }), {
        status: 400,
        type: 'invalid_request_error',
        code: 'unknown_parameter',
        param: 'colour',
      })
      const prefix = (await api('POST', `/v1/${path}`, { body: create(world) })).body.id.split('_')[0]
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        expectError(
          await api(method, `/v1/${path}/${prefix}_missing`, { ...(method === 'PATCH' && { body: patch }) }),
          {
            status: 404,
            type: 'not_found_error',
            code: 'resource_missing',
            param: 'id',
            message: `${prefix}_missing`,
          },
        )
      }
    })
  },
)

describe('metadata', () => {
  it('merges on update; a key set to "" is removed; more than 50 keys is 400', async () => {
    current = setup()
    const { api } = current
    const customer = (
      await api('POST', '/v1/customers', { body: { name: 'Ada', metadata: { crm_id: '42', region: 'west' } } })
    ).body
    const merged = (
      await api('PATCH', `/v1/customers/${customer.id}`, { body: { metadata: { region: '', tier: 'gold' } } })
    ).body
    expect(merged.metadata).toEqual({ crm_id: '42', tier: 'gold' })
    const many = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']))
    expectError(await api('PATCH', `/v1/customers/${customer.id}`, { body: { metadata: many } }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'metadata',
      message: 'at most 50',
    })
  })

  it('null clears an optional field', async () => {
    current = setup()
    const { api } = current
    const customer = (await api('POST', '/v1/customers', { body: { name: 'Ada', phone: '+1 555 0100' } })).body
    expect((await api('PATCH', `/v1/customers/${customer.id}`, { body: { phone: null } })).body.phone).toBeNull()
  })
})
