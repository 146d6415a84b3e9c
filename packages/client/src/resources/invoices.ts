import { routes, type RouteBody, type RouteItem, type RouteQuery, type RouteResponse, type Routes } from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['invoices']

/**
 * Invoices: numbered by the server, `open` unless created as `draft`, `paid` once payments cover them (`/v1/invoices`).
 *
 * @example
 * ```ts
 * const invoice = await op.invoices.create({ customer_id: 'cus_123', line_items: [{ description: 'Visit', quantity: 1, unit_amount: 9_900 }] })
 * invoice.number // 'INV-000001'
 * ```
 */
export class InvoicesResource extends APIResource {
  /**
   * Lists invoices, oldest first, page by page (`limit` 1–100, default 20); filters: `status`, `customer_id`, `booking_id`. `await` it for one page, `for await` it for every invoice.
   *
   * @example
   * ```ts
   * for await (const item of op.invoices.list({ limit: 100 })) console.log(item.id)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.invoices.list, { query }, options)
  }

  /**
   * Creates a invoice.
   *
   * @example
   * ```ts
   * await op.invoices.create({ customer_id: 'cus_123', line_items: [{ description: 'Visit', quantity: 1, unit_amount: 9_900 }] })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.invoices.create, { body }, options)
  }

  /**
   * Gets a invoice by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const item = await op.invoices.get('inv_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.invoices.get, { id }, options)
  }

  /**
   * Updates some fields of a invoice; `null` clears an optional field.
   *
   * @example
   * ```ts
   * await op.invoices.update('inv_123', { status: 'void' })
   * ```
   */
  update(id: string, body: RouteBody<R['update']>, options?: RequestOptions): APIPromise<RouteResponse<R['update']>> {
    return this._client.request(routes.invoices.update, { id, body }, options)
  }

  /**
   * Deletes a invoice; `ConflictError` (`resource_in_use`) while other objects refer to it.
   *
   * @example
   * ```ts
   * await op.invoices.delete('inv_123') // { id, object: 'invoice', deleted: true }
   * ```
   */
  delete(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['delete']>> {
    return this._client.request(routes.invoices.delete, { id }, options)
  }
}
