import { routes, type RouteBody, type RouteItem, type RouteQuery, type RouteResponse, type Routes } from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['inquiries']

/**
 * Inquiries: leads that may become customers (`/v1/inquiries`).
 *
 * @example
 * ```ts
 * const inquiry = await op.inquiries.create({ name: 'Grace Hopper', service: 'Gutter cleaning', source: 'website' })
 * ```
 */
export class InquiriesResource extends APIResource {
  /**
   * Lists inquiries, oldest first, page by page (`limit` 1–100, default 20); filters: `status`, `source`, `customer_id`. `await` it for one page, `for await` it for every inquiry.
   *
   * @example
   * ```ts
   * for await (const item of op.inquiries.list({ limit: 100 })) console.log(item.id)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.inquiries.list, { query }, options)
  }

  /**
   * Creates a inquiry.
   *
   * @example
   * ```ts
   * await op.inquiries.create({ name: 'Grace Hopper', service: 'Gutter cleaning', source: 'website' })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.inquiries.create, { body }, options)
  }

  /**
   * Gets a inquiry by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const item = await op.inquiries.get('inq_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.inquiries.get, { id }, options)
  }

  /**
   * Updates some fields of a inquiry; `null` clears an optional field.
   *
   * @example
   * ```ts
   * await op.inquiries.update('inq_123', { status: 'converted', customer_id: 'cus_123' })
   * ```
   */
  update(id: string, body: RouteBody<R['update']>, options?: RequestOptions): APIPromise<RouteResponse<R['update']>> {
    return this._client.request(routes.inquiries.update, { id, body }, options)
  }

  /**
   * Deletes a inquiry; `ConflictError` (`resource_in_use`) while other objects refer to it.
   *
   * @example
   * ```ts
   * await op.inquiries.delete('inq_123') // { id, object: 'inquiry', deleted: true }
   * ```
   */
  delete(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['delete']>> {
    return this._client.request(routes.inquiries.delete, { id }, options)
  }
}
