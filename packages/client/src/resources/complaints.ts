import { routes, type RouteBody, type RouteItem, type RouteQuery, type RouteResponse, type Routes } from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['complaints']

/**
 * Complaints raised by customers (`/v1/complaints`).
 *
 * @example
 * ```ts
 * await op.complaints.create({ customer_id: 'cus_123', subject: 'Late arrival', description: 'Two hours late', severity: 'medium' })
 * ```
 */
export class ComplaintsResource extends APIResource {
  /**
   * Lists complaints, oldest first, page by page (`limit` 1–100, default 20); filters: `status`, `severity`, `customer_id`. `await` it for one page, `for await` it for every complaint.
   *
   * @example
   * ```ts
   * for await (const item of op.complaints.list({ limit: 100 })) console.log(item.id)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.complaints.list, { query }, options)
  }

  /**
   * Creates a complaint.
   *
   * @example
   * ```ts
   * await op.complaints.create({ customer_id: 'cus_123', subject: 'Late arrival', description: 'Two hours late', severity: 'high' })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.complaints.create, { body }, options)
  }

  /**
   * Gets a complaint by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const item = await op.complaints.get('cmp_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.complaints.get, { id }, options)
  }

  /**
   * Updates some fields of a complaint; `null` clears an optional field.
   *
   * @example
   * ```ts
   * await op.complaints.update('cmp_123', { status: 'resolved' })
   * ```
   */
  update(id: string, body: RouteBody<R['update']>, options?: RequestOptions): APIPromise<RouteResponse<R['update']>> {
    return this._client.request(routes.complaints.update, { id, body }, options)
  }

  /**
   * Deletes a complaint; `ConflictError` (`resource_in_use`) while other objects refer to it.
   *
   * @example
   * ```ts
   * await op.complaints.delete('cmp_123') // { id, object: 'complaint', deleted: true }
   * ```
   */
  delete(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['delete']>> {
    return this._client.request(routes.complaints.delete, { id }, options)
  }
}
