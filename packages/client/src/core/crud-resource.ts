import {
  type RouteBody,
  type RouteGroup,
  type RouteItem,
  type RouteQuery,
  type RouteResponse,
  type Routes,
  routes,
} from '@octopuspro/contract'
import type { OctopusPro } from '../client.js'
import type { APIPromise } from './api-promise.js'
import { APIResource } from './api-resource.js'
import type { PagePromise } from './pagination.js'
import type { RequestOptions } from './types.js'

/** The route groups with the five standard routes: list, create, get, update, delete. */
export type CrudGroup = {
  [G in RouteGroup]: Routes[G] extends {
    list: unknown
    create: unknown
    get: unknown
    update: unknown
    delete: unknown
  }
    ? G
    : never
}[RouteGroup]

/**
 * The five standard methods of a resource group, each delegating to its route-table entry, typed from it. A group
 * with more routes (e.g. `webhooks`) extends it with its actions.
 *
 * @example
 * ```ts
 * class CustomersResource extends CrudResource<'customers'> {
 *   constructor(client: OctopusPro) { super(client, 'customers') }
 * }
 * ```
 */
export abstract class CrudResource<G extends CrudGroup> extends APIResource {
  readonly #routes: Routes[CrudGroup]

  constructor(client: OctopusPro, group: G) {
    super(client)
    this.#routes = routes[group]
  }

  /**
   * Lists the objects, oldest first, page by page (`limit` 1–100, default 20) with the group's filters.
   * `await` it for one page, `for await` it for every object.
   *
   * @example
   * ```ts
   * const page = await op.customers.list({ limit: 50 })
   * for await (const customer of op.customers.list({ tag: 'vip' })) console.log(customer.name)
   * ```
   */
  list(query?: RouteQuery<Routes[G]['list']>, options?: RequestOptions): PagePromise<RouteItem<Routes[G]['list']>> {
    return this._client.requestPage(this.#routes.list, { query: query as never }, options) as never
  }

  /**
   * Creates an object; emits its `.created` event.
   *
   * @example
   * ```ts
   * const customer = await op.customers.create({ name: 'Ada Lovelace', phone: '+1 555 0100' })
   * ```
   */
  create(
    body: RouteBody<Routes[G]['create']>,
    options?: RequestOptions,
  ): APIPromise<RouteResponse<Routes[G]['create']>> {
    return this._client.request(this.#routes.create, { body: body as never }, options) as never
  }

  /**
   * Gets an object by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const customer = await op.customers.get('cus_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<Routes[G]['get']>> {
    return this._client.request(this.#routes.get, { id }, options) as never
  }

  /**
   * Updates some fields of an object (`null` clears an optional field); emits its `.updated` event with the old
   * values in `previous_attributes`, or nothing when nothing changed.
   *
   * @example
   * ```ts
   * await op.customers.update('cus_123', { phone: null, tags: ['vip'] })
   * ```
   */
  update(
    id: string,
    body: RouteBody<Routes[G]['update']>,
    options?: RequestOptions,
  ): APIPromise<RouteResponse<Routes[G]['update']>> {
    return this._client.request(this.#routes.update, { id, body: body as never }, options) as never
  }

  /**
   * Deletes an object; `ConflictError` (code `resource_in_use`) while other objects refer to it. Emits its
   * `.deleted` event with the last snapshot.
   *
   * @example
   * ```ts
   * await op.customers.delete('cus_123') // { id: 'cus_123', object: 'customer', deleted: true }
   * ```
   */
  delete(id: string, options?: RequestOptions): APIPromise<RouteResponse<Routes[G]['delete']>> {
    return this._client.request(this.#routes.delete, { id }, options) as never
  }
}
