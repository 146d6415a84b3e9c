import {
  type APIPromise,
  BadRequestError,
  NotFoundError,
  OctopusPro,
  type PagePromise,
  type RequestOptions,
} from '@octopuspro/client'
import { type Customer, ListEnvelope, ListQuery, type RouteTable, routes } from '@octopuspro/contract'
import { createReferenceServer, type ReferenceServer } from '@octopuspro/reference-server'
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest'
import * as z from 'zod/mini'

// A resource the contract does not have, and a route added to one it has, written only here: the client gets a
// typed method for each and the reference server serves each, with no edit anywhere else.

const Widget = z.strictObject({ id: z.string(), object: z.literal('widget'), name: z.string(), size: z.number() })
type Widget = z.output<typeof Widget>
const WidgetCreate = z.strictObject({ name: z.string().check(z.minLength(1)), size: z.optional(z.number()) })
const widgetId = z.string().check(z.regex(/^wdg_[0-9]+$/))
const Usage = z.strictObject({ object: z.literal('usage'), widgets: z.number() })

const widgets = {
  list: {
    method: 'GET',
    path: '/widgets',
    summary: 'List widgets',
    label: 'widget',
    query: ListQuery,
    response: ListEnvelope(Widget),
    item: Widget,
    status: 200,
    list: true,
    emits: [],
  },
  create: {
    method: 'POST',
    path: '/widgets',
    summary: 'Create a widget',
    label: 'widget',
    body: WidgetCreate,
    response: Widget,
    status: 201,
    list: false,
    emits: [],
  },
  get: {
    method: 'GET',
    path: '/widgets/{id}',
    summary: 'Get a widget',
    label: 'widget',
    id: widgetId,
    response: Widget,
    status: 200,
    list: false,
    emits: [],
  },
} as const satisfies RouteTable[string]

const usage = {
  method: 'GET',
  path: '/account/usage',
  summary: 'How much of the account is used',
  label: 'account',
  response: Usage,
  status: 200,
  list: false,
  emits: [],
} as const

const table = { ...routes, widgets, account: { ...routes.account, usage } } as const

const Client = OctopusPro.withRoutes(table)

function serve(): { server: ReferenceServer; op: InstanceType<typeof Client> } {
  const stored = new Map<string, Widget>()
  const server = createReferenceServer({
    ids: 'sequential',
    routes: {
      table,
      handlers: {
        widgets: {
          list: () => ({ object: 'list', data: [...stored.values()], has_more: false, next_cursor: null }),
          create: ({ body }) => {
            const { name, size = 1 } = body as z.output<typeof WidgetCreate>
            const widget: Widget = { id: `wdg_${stored.size + 1}`, object: 'widget', name, size }
            stored.set(widget.id, widget)
            return widget
          },
          get: ({ id }) => stored.get(id as string),
        },
        account: { usage: () => ({ object: 'usage', widgets: stored.size }) },
      },
    },
  })
  return { server, op: new Client({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch }) }
}

let current: ReferenceServer | undefined
afterEach(async () => {
  await current?.close()
  current = undefined
})

describe('a route added to the route table', () => {
  it('gives the client a method typed from its schemas', () => {
    const op = new Client({ apiKey: 'opk_x', baseUrl: 'http://localhost/v1' })
    expectTypeOf(op.widgets.create).parameter(0).toEqualTypeOf<{ name: string; size?: number | undefined }>()
    expectTypeOf(op.widgets.create).parameter(1).toEqualTypeOf<RequestOptions | undefined>()
    expectTypeOf(op.widgets.create).returns.toEqualTypeOf<APIPromise<Widget>>()
    expectTypeOf(op.widgets.get).parameter(0).toEqualTypeOf<string>()
    expectTypeOf(op.widgets.list).returns.toEqualTypeOf<PagePromise<Widget>>()
    expectTypeOf(op.account.usage).returns.resolves.toEqualTypeOf<{ object: 'usage'; widgets: number }>()
    // The contract's groups keep their methods and types, the custom ones (integrations) their class.
    expectTypeOf(op.customers.get).returns.resolves.toEqualTypeOf<Customer>()
    expectTypeOf(op.integrations).toEqualTypeOf<OctopusPro['integrations']>()
    // @ts-expect-error widgets have no delete route
    op.widgets.delete
    // @ts-expect-error the contract's client has no widgets
    new OctopusPro({ apiKey: 'opk_x', baseUrl: 'http://localhost/v1' }).widgets
  })

  it('is served, and called through that method, with no other edit', async () => {
    const { server, op } = serve()
    current = server
    const { data: created, response } = await op.widgets.create({ name: 'Sprocket' }).withResponse()
    expect(response.status).toBe(201)
    expect(created).toEqual({ id: 'wdg_1', object: 'widget', name: 'Sprocket', size: 1 })
    expect(await op.widgets.get('wdg_1')).toEqual(created)
    expect((await op.widgets.list({ limit: 5 })).data).toEqual([created])
    expect(await op.account.usage()).toEqual({ object: 'usage', widgets: 1 })
    expect((await op.customers.create({ name: 'Ada' })).name).toBe('Ada')
  })

  it('gets the checks of every route: its schemas, its path id, its methods', async () => {
    const { server, op } = serve()
    current = server
    // @ts-expect-error name is required
    const invalid = op.widgets.create({ size: 2 })
    await expect(invalid).rejects.toBeInstanceOf(BadRequestError)
    await expect(invalid).rejects.toMatchObject({ status: 400, param: 'name' })
    await expect(op.widgets.get('cus_1')).rejects.toBeInstanceOf(NotFoundError)
    await expect(op.widgets.get('cus_1')).rejects.toThrow(
      "No widget with id 'cus_1'; check the id, or list them with GET /v1/widgets",
    )
    const remove = await server.fetch(`${server.baseUrl}/widgets/wdg_1`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${server.apiKey}` },
    })
    expect(remove.status).toBe(405)
    expect(remove.headers.get('allow')).toBe('GET')
    const anonymous = await server.fetch(`${server.baseUrl}/widgets`)
    expect(anonymous.status).toBe(401)
    const document = await (await server.fetch(`${server.url}/openapi.json`)).json()
    expect(Object.keys(document.paths['/widgets/{id}'])).toEqual(['get'])
    expect(document.paths['/account/usage'].get.summary).toBe('How much of the account is used')
  })

  it('needs a handler: a route the server cannot answer fails at creation (the first in table order)', () => {
    expect(() => createReferenceServer({ routes: { table, handlers: {} } })).toThrow(
      'route account.usage has no handler; pass it in routes.handlers.account.usage',
    )
  })
})
