import {
  type APIPromise,
  BadRequestError,
  NotFoundError,
  OctopusPro,
  type PagePromise,
  type RequestOptions,
} from '@octopuspro/client'
import { type Customer, DeletedObject, ListEnvelope, ListQuery, route, routes } from '@octopuspro/contract'
import { createReferenceServer, manualClock, type ReferenceServer } from '@octopuspro/reference-server'
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest'
import * as z from 'zod/mini'

// A resource the contract does not have, written only here as routes of the table: the client gets a typed method
// for each and the reference server serves each from its schemas, with no handler and no edit anywhere else.

const WidgetId = z.string().check(z.regex(/^wdg_[0-9A-Za-z]{1,64}$/))
const Widget = z.strictObject({
  id: WidgetId,
  object: z.literal('widget'),
  name: z.string(),
  size: z._default(z.number(), 1),
  created_at: z.string(),
  updated_at: z.string(),
})
type Widget = z.output<typeof Widget>
// `note` is kept but never answered: Widget does not declare it.
const WidgetCreate = z.strictObject({
  name: z.string().check(z.minLength(1)),
  size: z.optional(z.number()),
  note: z.optional(z.string()),
})
const WidgetUpdate = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1))),
  size: z.optional(z.number()),
})

const label = 'widget'
const widgets = {
  create: route({
    method: 'POST',
    path: '/widgets',
    summary: 'Create a widget',
    label,
    body: WidgetCreate,
    response: Widget,
    status: 201,
    list: false,
    emits: [],
  }),
  get: route({
    method: 'GET',
    path: '/widgets/{id}',
    summary: 'Get a widget',
    label,
    id: WidgetId,
    response: Widget,
    status: 200,
    list: false,
    emits: [],
  }),
  list: route({
    method: 'GET',
    path: '/widgets',
    summary: 'List widgets',
    label,
    query: ListQuery,
    response: ListEnvelope(Widget),
    item: Widget,
    status: 200,
    list: true,
    emits: [],
  }),
  update: route({
    method: 'PATCH',
    path: '/widgets/{id}',
    summary: 'Update a widget',
    label,
    id: WidgetId,
    body: WidgetUpdate,
    response: Widget,
    status: 200,
    list: false,
    emits: [],
  }),
  delete: route({
    method: 'DELETE',
    path: '/widgets/{id}',
    summary: 'Delete a widget',
    label,
    id: WidgetId,
    response: DeletedObject,
    status: 200,
    list: false,
    emits: [],
  }),
}

const table = { ...routes, widgets }
const Client = OctopusPro.withRoutes(table)
const T0 = '2026-12-04T10:00:00.000Z'
const T1 = '2026-12-04T10:00:01.000Z'

let current: ReferenceServer | undefined
afterEach(async () => {
  await current?.close()
  current = undefined
})

function serve() {
  const clock = manualClock(T0)
  const server = createReferenceServer({ ids: 'sequential', clock, routes: { table } })
  current = server
  return { server, clock, op: new Client({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch }) }
}

describe('a resource added to the route table, with no handler', () => {
  it('gives the client methods typed from its schemas', () => {
    const op = new Client({ apiKey: 'opk_x', baseUrl: 'http://localhost/v1' })
    type Create = { name: string; size?: number | undefined; note?: string | undefined }
    expectTypeOf(op.widgets.create).parameter(0).toEqualTypeOf<Create>()
    expectTypeOf(op.widgets.create).parameter(1).toEqualTypeOf<RequestOptions | undefined>()
    expectTypeOf(op.widgets.create).returns.toEqualTypeOf<APIPromise<Widget>>()
    expectTypeOf(op.widgets.get).parameter(0).toEqualTypeOf<string>()
    expectTypeOf(op.widgets.list).returns.toEqualTypeOf<PagePromise<Widget>>()
    expectTypeOf(op.widgets.update).parameter(1).toEqualTypeOf<{ name?: string | undefined; size?: number }>()
    expectTypeOf(op.widgets.delete).returns.resolves.toEqualTypeOf<DeletedObject>()
    // The contract's groups keep their methods and types, the custom ones (integrations) their class.
    expectTypeOf(op.customers.get).returns.resolves.toEqualTypeOf<Customer>()
    expectTypeOf(op.integrations).toEqualTypeOf<OctopusPro['integrations']>()
    // @ts-expect-error widgets have no archive route
    op.widgets.archive
    // @ts-expect-error an update says what it changes
    op.widgets.update('wdg_1')
    // @ts-expect-error the contract's client has no widgets
    new OctopusPro({ apiKey: 'opk_x', baseUrl: 'http://localhost/v1' }).widgets
  })

  it('is served from an in-memory collection: create, get, list, update, delete', async () => {
    const { clock, op } = serve()
    const { data: created, response } = await op.widgets.create({ name: 'Sprocket', note: 'kept' }).withResponse()
    expect(response.status).toBe(201)
    // Id 1 went to the ready API key; `size` is the response schema's default; `note` is not declared there.
    const id = 'wdg_0000000000000000000002'
    expect(created).toEqual({ id, object: 'widget', name: 'Sprocket', size: 1, created_at: T0, updated_at: T0 })
    expect(Object.keys(created)).toEqual(['id', 'object', 'name', 'size', 'created_at', 'updated_at'])
    expect(await op.widgets.get(id)).toEqual(created)

    await clock.set(T1)
    const updated = await op.widgets.update(id, { size: 3 })
    expect(updated).toEqual({ ...created, size: 3, updated_at: T1 })
    expect(await op.widgets.get(id)).toEqual(updated)

    const more = [await op.widgets.create({ name: 'Gear' }), await op.widgets.create({ name: 'Cog', size: 2 })]
    const first = await op.widgets.list({ limit: 2 })
    expect(first.data).toEqual([updated, more[0]])
    expect(first.hasMore).toBe(true)
    expect(first.nextCursor).toBe(more[0]?.id)
    expect((await op.widgets.list({ limit: 2, starting_after: first.nextCursor ?? '' })).data).toEqual([more[1]])
    const all: Widget[] = []
    for await (const widget of op.widgets.list({ limit: 1 })) all.push(widget)
    expect(all).toEqual([updated, ...more])

    expect(await op.widgets.delete(id)).toEqual({ id, object: 'widget', deleted: true })
    await expect(op.widgets.get(id)).rejects.toThrow(
      `No widget with id '${id}'; check the id, or list them with GET /v1/widgets`,
    )
    expect((await op.widgets.list()).data.map((widget) => widget.name)).toEqual(['Gear', 'Cog'])
    expect((await op.customers.create({ name: 'Ada' })).name).toBe('Ada')
  })

  it('gets the checks of every route: its schemas, its path id, its methods, its cursors', async () => {
    const { server, op } = serve()
    // @ts-expect-error name is required
    const invalid = op.widgets.create({ size: 2 })
    await expect(invalid).rejects.toBeInstanceOf(BadRequestError)
    await expect(invalid).rejects.toMatchObject({ status: 400, param: 'name' })
    const { id } = await op.widgets.create({ name: 'Sprocket' })
    // @ts-expect-error size is a number
    await expect(op.widgets.update(id, { size: 'big' })).rejects.toMatchObject({ status: 400, param: 'size' })
    for (const missing of ['wdg_404', 'cus_1']) {
      await expect(op.widgets.update(missing, { size: 2 })).rejects.toBeInstanceOf(NotFoundError)
      await expect(op.widgets.delete(missing)).rejects.toThrow(`No widget with id '${missing}'`)
    }
    await expect(op.widgets.list({ starting_after: 'cus_1' })).rejects.toMatchObject({
      status: 400,
      param: 'starting_after',
    })
    const put = await server.fetch(`${server.baseUrl}/widgets/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${server.apiKey}` },
    })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, PATCH, DELETE')
    expect((await server.fetch(`${server.baseUrl}/widgets`)).status).toBe(401)
    const document = await (await server.fetch(`${server.url}/openapi.json`)).json()
    expect(Object.keys(document.paths['/widgets'])).toEqual(['post', 'get'])
    expect(Object.keys(document.paths['/widgets/{id}'])).toEqual(['get', 'patch', 'delete'])
    // In memory only: reset() empties the collection with the rest of the state.
    server.reset()
    expect((await op.widgets.list()).data).toEqual([])
  })

  it('names ids and objects after the label when the schemas do not, and says when a schema cannot fit', async () => {
    const Gadget = z.object({ id: z.string(), object: z.string(), name: z.string() })
    const GadgetName = z.strictObject({ name: z.string() })
    // The stored gadget has no colour: a response schema the stored object cannot meet.
    const Coloured = z.extend(Gadget, { colour: z.string() })
    const gadget = { label: 'gadget', summary: 'A gadget', list: false, emits: [] } as const
    const gadgets = {
      create: route({ ...gadget, method: 'POST', path: '/gadgets', body: GadgetName, response: Gadget, status: 201 }),
      get: route({ ...gadget, method: 'GET', path: '/gadgets/{id}', id: z.string(), response: Gadget, status: 200 }),
      update: route({
        ...gadget,
        method: 'PATCH',
        path: '/gadgets/{id}',
        id: z.string(),
        body: GadgetName,
        response: Coloured,
        status: 200,
      }),
    }
    const server = createReferenceServer({ ids: 'sequential', routes: { table: { ...routes, gadgets } } })
    current = server
    const call = (method: string, path: string, body: object) =>
      server.fetch(`${server.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const created = await call('POST', '/gadgets', { name: 'Lever' })
    expect(await created.json()).toEqual({ id: 'gadget_0000000000000000000002', object: 'gadget', name: 'Lever' })
    const get = () =>
      server.fetch(`${server.baseUrl}/gadgets/gadget_0000000000000000000002`, {
        headers: { authorization: `Bearer ${server.apiKey}` },
      })
    expect(await (await get()).json()).toEqual({ id: 'gadget_0000000000000000000002', object: 'gadget', name: 'Lever' })
    const updated = await call('PATCH', '/gadgets/gadget_0000000000000000000002', { name: 'Crank' })
    expect(updated.status).toBe(500)
    expect((await updated.json()).error.message).toContain(
      'route gadgets.update is served generically, but its response schema rejects the stored object (colour: ',
    )
    // The update that could not be answered stored nothing.
    expect((await (await get()).json()).name).toBe('Lever')
  })

  it('still needs a handler for a route that is not plain create, get, list, update or delete', async () => {
    const Usage = z.strictObject({ object: z.literal('usage'), widgets: z.number() })
    const usage = route({
      method: 'GET',
      path: '/account/usage',
      summary: 'How much of the account is used',
      label: 'account',
      response: Usage,
      status: 200,
      list: false,
      emits: [],
    })
    const withUsage = { ...table, account: { ...routes.account, usage } }
    expect(() => createReferenceServer({ routes: { table: withUsage } })).toThrow(
      'route account.usage has no handler and is not a plain create, get, list, update or delete route; ' +
        'pass it in routes.handlers.account.usage',
    )
    const server = createReferenceServer({
      routes: { table: withUsage, handlers: { account: { usage: () => ({ object: 'usage', widgets: 0 }) } } },
    })
    current = server
    const op = new (OctopusPro.withRoutes(withUsage))({
      apiKey: server.apiKey,
      baseUrl: server.baseUrl,
      fetch: server.fetch,
    })
    expectTypeOf(op.account.usage).returns.resolves.toEqualTypeOf<{ object: 'usage'; widgets: number }>()
    expect(await op.account.usage()).toEqual({ object: 'usage', widgets: 0 })
    expect((await op.widgets.create({ name: 'Sprocket' })).object).toBe('widget')
  })
})
