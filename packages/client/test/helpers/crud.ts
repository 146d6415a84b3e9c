import { expect, it } from 'vitest'
import { NotFoundError, type OctopusPro } from '../../src/index.js'

interface CrudResource<Created, Body, Patch, Query> {
  create(body: Body): PromiseLike<Created>
  get(id: string): PromiseLike<Created>
  update(id: string, body: Patch): PromiseLike<Created>
  delete(id: string): PromiseLike<{ id: string; object: string; deleted: true }>
  list(query?: Query): AsyncIterable<Created> & PromiseLike<{ data: Created[] }>
}

/**
 * The five calls every full-CRUD resource has, each checked against the server's answer: create → get → update →
 * list (with a filter that matches and one that does not) → delete → get is a 404.
 */
export function itDoesCrud<Created extends { id: string; object: string }, Body, Patch, Query>(
  ctx: { op: OctopusPro },
  spec: {
    resource: (op: OctopusPro) => CrudResource<Created, Body, Patch, Query>
    object: string
    prefix: string
    /** Creates what the body refers to and returns the body. */
    body: (op: OctopusPro) => Promise<Body> | Body
    patch: Patch
    /** A filter the created object matches, and one it does not. */
    filters: [Query, Query]
  },
) {
  it('create, get, update, list, delete', async () => {
    const resource = spec.resource(ctx.op)
    const body = await spec.body(ctx.op)
    const created = await resource.create(body)
    expect(created).toMatchObject({ object: spec.object, ...(body as object) })
    expect(created.id).toMatch(new RegExp(`^${spec.prefix}_`))

    expect(await resource.get(created.id)).toEqual(created)

    const updated = await resource.update(created.id, spec.patch)
    expect(updated).toMatchObject({ id: created.id, ...(spec.patch as object) })
    expect(await resource.get(created.id)).toEqual(updated)

    const [matching, other] = spec.filters
    const listed: Created[] = []
    for await (const item of resource.list(matching)) listed.push(item)
    expect(listed.map((item) => item.id)).toContain(created.id)
    expect(listed.find((item) => item.id === created.id)).toEqual(updated)
    expect((await resource.list(other)).data.map((item) => item.id)).not.toContain(created.id)

    expect(await resource.delete(created.id)).toEqual({ id: created.id, object: spec.object, deleted: true })
    await expect(resource.get(created.id)).rejects.toBeInstanceOf(NotFoundError)
  })
}
