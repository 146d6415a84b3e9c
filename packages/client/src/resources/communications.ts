import {
  type RouteBody,
  type RouteItem,
  type RouteQuery,
  type RouteResponse,
  type Routes,
  routes,
} from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['communications']

/**
 * Communications: logged calls, SMS and WhatsApp messages; a log is immutable, so create, get and list only (`/v1/communications`).
 *
 * @example
 * ```ts
 * await op.communications.create({ channel: 'call', direction: 'inbound', call_status: 'missed', from: '+1 555 0142', to: '+1 555 0100' })
 * ```
 */
export class CommunicationsResource extends APIResource {
  /**
   * Lists communications, oldest first, page by page (`limit` 1–100, default 20); filters: `channel`, `direction`, `customer_id`. `await` it for one page, `for await` it for every communication.
   *
   * @example
   * ```ts
   * for await (const item of op.communications.list({ limit: 100 })) console.log(item.id)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.communications.list, { query }, options)
  }

  /**
   * Creates a communication.
   *
   * @example
   * ```ts
   * await op.communications.create({ channel: 'sms', direction: 'inbound', from: '+1 555 0142', to: '+1 555 0100', body: 'Running late?' })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.communications.create, { body }, options)
  }

  /**
   * Gets a communication by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const item = await op.communications.get('com_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.communications.get, { id }, options)
  }
}
