import { routes, type RouteBody, type RouteItem, type RouteQuery, type RouteResponse, type Routes } from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['bookings']

/**
 * Bookings: jobs for a customer, scheduled in time (`/v1/bookings`).
 *
 * @example
 * ```ts
 * for await (const booking of op.bookings.list({ status: 'confirmed' })) console.log(booking.scheduled_start)
 * ```
 */
export class BookingsResource extends APIResource {
  /**
   * Lists bookings, oldest first, page by page (`limit` 1–100, default 20); filters: `status`, `customer_id`, `scheduled_after`, `scheduled_before`. `await` it for one page, `for await` it for every booking.
   *
   * @example
   * ```ts
   * for await (const item of op.bookings.list({ limit: 100 })) console.log(item.id)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.bookings.list, { query }, options)
  }

  /**
   * Creates a booking.
   *
   * @example
   * ```ts
   * await op.bookings.create({ customer_id: 'cus_123', service: 'Deep clean', scheduled_start: '2026-12-01T09:00:00.000Z', scheduled_end: '2026-12-01T11:00:00.000Z' })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.bookings.create, { body }, options)
  }

  /**
   * Gets a booking by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const item = await op.bookings.get('bkg_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.bookings.get, { id }, options)
  }

  /**
   * Updates some fields of a booking; `null` clears an optional field.
   *
   * @example
   * ```ts
   * await op.bookings.update('bkg_123', { status: 'confirmed' })
   * ```
   */
  update(id: string, body: RouteBody<R['update']>, options?: RequestOptions): APIPromise<RouteResponse<R['update']>> {
    return this._client.request(routes.bookings.update, { id, body }, options)
  }

  /**
   * Deletes a booking; `ConflictError` (`resource_in_use`) while other objects refer to it.
   *
   * @example
   * ```ts
   * await op.bookings.delete('bkg_123') // { id, object: 'booking', deleted: true }
   * ```
   */
  delete(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['delete']>> {
    return this._client.request(routes.bookings.delete, { id }, options)
  }
}
