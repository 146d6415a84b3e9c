import { type RouteItem, type RouteQuery, type RouteResponse, type Routes, routes } from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['events']

/**
 * Events (`/v1/events`): every event the account emitted, kept so a receiver that was down can catch up.
 *
 * @example
 * ```ts
 * for await (const event of op.events.list({ type: 'booking.created', created_after: '2026-11-27T00:00:00.000Z' })) handle(event)
 * ```
 */
export class EventsResource extends APIResource {
  /**
   * Lists events, oldest first; filters: `type`, `created_after`, ….
   *
   * @example
   * ```ts
   * for await (const event of op.events.list({ type: 'payment.approved' })) console.log(event.data.amount)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.events.list, { query }, options)
  }

  /**
   * Gets an event.
   *
   * @example
   * ```ts
   * const event = await op.events.get('evt_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.events.get, { id }, options)
  }
}
