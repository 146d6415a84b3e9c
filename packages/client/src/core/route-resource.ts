import type { RouteBody, RouteDefinition, RouteItem, RouteQuery, RouteResponse, RouteTable } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import type { OctopusPro } from '../client.js'
import type { APIPromise } from './api-promise.js'
import { APIResource } from './api-resource.js'
import type { PagePromise } from './pagination.js'
import type { RequestOptions } from './types.js'

/**
 * Routes by action, as one group of the contract's route table.
 *
 * @example
 * ```ts
 * const group: RouteGroupTable = routes.payments
 * ```
 */
export type RouteGroupTable = RouteTable[string]

type IdArgument<R> = R extends { id: infer S extends z.ZodMiniType } ? [id: z.output<S>] : []

/**
 * No argument for an empty body (`approve`, `arrive`); an optional one when every field is optional, except for an
 * update (PATCH), which always says what it changes.
 */
type BodyArgument<R> = R extends { body: z.ZodMiniType }
  ? [keyof RouteBody<R>] extends [never]
    ? []
    : R extends { method: 'PATCH' }
      ? [body: RouteBody<R>]
      : Record<never, never> extends RouteBody<R>
        ? [body?: RouteBody<R>]
        : [body: RouteBody<R>]
  : []

/**
 * The client method of one route, derived from its route-table entry in the client's convention: the path id when
 * the path has one, then the body (none when it is empty, optional when every field is, but for an update), then
 * the query of a list, then the per-call options. A list answers a page ready for `for await`, any other route
 * its response.
 *
 * @example
 * ```ts
 * type Refund = RouteMethod<Routes['payments']['refund']>
 * // (id: string, body?: { amount?: number }, options?: RequestOptions) => APIPromise<Payment>
 * ```
 */
export type RouteMethod<R> = R extends { list: true }
  ? (...args: [...IdArgument<R>, query?: RouteQuery<R>, options?: RequestOptions]) => PagePromise<RouteItem<R>>
  : (...args: [...IdArgument<R>, ...BodyArgument<R>, options?: RequestOptions]) => APIPromise<RouteResponse<R>>

/** One method per route of a group. @example `type Payments = RouteMethods<Routes['payments']>` */
export type RouteMethods<G> = { [A in keyof G]: RouteMethod<G[A]> }

/**
 * A resource whose methods are the routes of a group.
 *
 * @example
 * ```ts
 * const customers: RouteResource<Routes['customers']> = op.customers
 * ```
 */
export type RouteResource<G> = APIResource & RouteMethods<G>

/** One resource per group of a route table. @example `type Resources = RouteResources<Routes>` */
export type RouteResources<T> = { readonly [G in keyof T]: RouteResource<T[G]> }

/**
 * A resource class of one route group, as {@link routeResource} makes it; `Own` are the methods it leaves out.
 *
 * @example
 * ```ts
 * const Payments: RouteResourceClass<Routes['payments']> = routeResource(routes.payments)
 * ```
 */
export type RouteResourceClass<G, Own extends keyof G = never> = new (
  client: OctopusPro,
) => APIResource & Omit<RouteMethods<G>, Own>

type Method = (this: APIResource, ...args: never[]) => unknown

const clientOf = (resource: APIResource) => (resource as unknown as { _client: OctopusPro })._client

function isEmptyBody(schema: z.ZodMiniType): boolean {
  const def = schema.def as { type: string; shape?: object }
  return def.type === 'object' && def.shape !== undefined && Object.keys(def.shape).length === 0
}

/** The method of one route; one shape per argument list, so a call does no argument juggling. */
function routeMethod(route: RouteDefinition): Method {
  type Options = RequestOptions | undefined
  const hasId = route.id !== undefined
  if (route.list) {
    const list = route as RouteDefinition & { item: z.ZodMiniType }
    return hasId
      ? function (this: APIResource, id: string, query?: object, options?: Options) {
          return clientOf(this).requestPage(list, { id, query } as never, options)
        }
      : function (this: APIResource, query?: object, options?: Options) {
          return clientOf(this).requestPage(list, { query } as never, options)
        }
  }
  if (route.body === undefined) {
    return hasId
      ? function (this: APIResource, id: string, options?: Options) {
          return clientOf(this).request(route, { id } as never, options)
        }
      : function (this: APIResource, options?: Options) {
          return clientOf(this).request(route, {} as never, options)
        }
  }
  if (isEmptyBody(route.body)) {
    return hasId
      ? function (this: APIResource, id: string, options?: Options) {
          return clientOf(this).request(route, { id, body: {} } as never, options)
        }
      : function (this: APIResource, options?: Options) {
          return clientOf(this).request(route, { body: {} } as never, options)
        }
  }
  return hasId
    ? function (this: APIResource, id: string, body: object = {}, options?: Options) {
        return clientOf(this).request(route, { id, body } as never, options)
      }
    : function (this: APIResource, body: object = {}, options?: Options) {
        return clientOf(this).request(route, { body } as never, options)
      }
}

const classes = new WeakMap<RouteGroupTable, RouteResourceClass<RouteGroupTable>>()

/**
 * The resource class of a route group: a method per route, each typed from its route-table entry
 * ({@link RouteMethod}) and calling `client.request` or `client.requestPage` with it. The client builds every
 * group of the route table this way (one class per group, made once). A group with extra behaviour extends the
 * class, naming the methods it writes itself in `own`.
 *
 * @example
 * ```ts
 * class IntegrationsResource extends routeResource(routes.integrations, ['connect']) {
 *   connect<I extends IntegrationId>(id: I, body: IntegrationConnectOf<I>) { … }
 * }
 * ```
 */
export function routeResource<const G extends RouteGroupTable, const Own extends keyof G & string = never>(
  group: G,
  own: readonly Own[] = [],
): RouteResourceClass<G, Own> {
  const cached = own.length === 0 ? classes.get(group) : undefined
  if (cached) return cached as unknown as RouteResourceClass<G, Own>
  const resourceClass = class extends APIResource {}
  for (const [action, route] of Object.entries(group)) {
    if ((own as readonly string[]).includes(action)) continue
    Object.defineProperty(resourceClass.prototype, action, {
      value: routeMethod(route),
      writable: true,
      configurable: true,
    })
  }
  if (own.length === 0) classes.set(group, resourceClass as unknown as RouteResourceClass<RouteGroupTable>)
  return resourceClass as unknown as RouteResourceClass<G, Own>
}
