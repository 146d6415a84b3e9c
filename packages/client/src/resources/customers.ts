import { routes, type RouteBody, type RouteItem, type RouteQuery, type RouteResponse, type Routes } from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['customers']

/**
 * Customers: the people and businesses you serve (`/v1/customers`).
 *
 * @example
 * ```ts
 * const customer = await op.customers.create({ name: 'Ada Lovelace', email: 'ada@example.com', tags: ['vip'] })
 * for await (const c of op.customers.list({ tag: 'vip' })) console.log(c.name)
 * ```
 */
export class CustomersResource extends APIResource {
  /**
   * Lists customers, oldest first, page by page (`limit` 1–100, default 20); filters: `email`, `tag`. `await` it for one page, `for await` it for every customer.
   *
   * @example
   * ```ts
   * for await (const item of op.customers.list({ limit: 100 })) console.log(item.id)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.customers.list, { query }, options)
  }

  /**
   * Creates a customer.
   *
   * @example
   * ```ts
   * const customer = await op.customers.create({ name: 'Ada Lovelace', phone: '+1 555 0100' })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.customers.create, { body }, options)
  }

  /**
   * Gets a customer by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const item = await op.customers.get('cus_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.customers.get, { id }, options)
  }

  /**
   * Updates some fields of a customer; `null` clears an optional field.
   *
   * @example
   * ```ts
   * await op.customers.update('cus_123', { phone: null, tags: ['vip'] })
   * ```
   */
  update(id: string, body: RouteBody<R['update']>, options?: RequestOptions): APIPromise<RouteResponse<R['update']>> {
    return this._client.request(routes.customers.update, { id, body }, options)
  }

  /**
   * Deletes a customer; `ConflictError` (`resource_in_use`) while other objects refer to it.
   *
   * @example
   * ```ts
   * await op.customers.delete('cus_123') // { id, object: 'customer', deleted: true }
   * ```
   */
  delete(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['delete']>> {
    return this._client.request(routes.customers.delete, { id }, options)
  }
}
