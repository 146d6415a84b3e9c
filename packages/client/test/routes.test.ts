import { EmptyBody, listRoutes, type RouteDefinition, routes } from '@octopuspro/contract'
import { describe, expect, it } from 'vitest'
import { APIResource, OctopusPro } from '../src/index.js'
import { apiKey, baseUrl, ok, stubFetch } from './helpers/stub-fetch.js'

type Method = (...args: unknown[]) => PromiseLike<unknown>

const stub = stubFetch(() => ok({ object: 'list', data: [], has_more: false, next_cursor: null }))
const op = new OctopusPro({ apiKey, baseUrl, fetch: stub.fetch, validateResponses: false })

/** The public methods of a resource, own and inherited (e.g. from CrudResource), up to APIResource. */
function methodsOf(resource: object): string[] {
  const names = new Set<string>()
  for (
    let proto = Object.getPrototypeOf(resource);
    proto && proto !== APIResource.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') names.add(name)
  }
  return [...names]
}

/** The client's resource groups and their methods, found by walking the objects (not by reading the table). */
function clientMethods(): string[] {
  return Object.entries(op)
    .filter(([, value]) => value instanceof APIResource)
    .flatMap(([group, resource]) => methodsOf(resource).map((name) => `${group}.${name}`))
}

/** Arguments in the client's convention: id (when the path has one), body (unless empty), query, options. */
function argumentsFor(definition: RouteDefinition, id: string): unknown[] {
  return [
    ...(definition.id ? [id] : []),
    ...(definition.body && definition.body !== EmptyBody ? [{ marker: 'body' }] : []),
    ...(definition.query ? [{ limit: 1 }] : []),
  ]
}

describe('the client mirrors the route table', () => {
  it('has a method for every route and a route for every method', () => {
    const table = listRoutes()
      .map((route) => route.name)
      .sort()
    expect(clientMethods().sort()).toEqual(table)
    expect(table).toHaveLength(Object.values(routes).reduce((n, group) => n + Object.keys(group).length, 0))
  })

  it.each(listRoutes().map((route) => [route.name, route] as const))(
    '%s sends the method, path, body and query of its route',
    async (_, route) => {
      const { definition } = route
      const id = route.group === 'integrations' ? 'mailchimp' : 'obj_1'
      const method = (op[route.group] as unknown as Record<string, Method>)[route.action]!
      const before = stub.seen.length
      await method.apply(op[route.group], argumentsFor(definition, id))
      expect(stub.seen).toHaveLength(before + 1)
      const request = stub.seen.at(-1)!
      expect(request.method).toBe(definition.method)
      expect(request.url.pathname).toBe(`/v1${definition.path.replace('{id}', id)}`)
      expect(request.url.search).toBe(definition.query ? '?limit=1' : '')
      if (!definition.body) expect(request.body).toBe('')
      else expect(JSON.parse(request.body)).toEqual(definition.body === EmptyBody ? {} : { marker: 'body' })
    },
  )
})
