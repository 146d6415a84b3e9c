import { type RouteItem, type RouteQuery, type Routes, routes } from '@octopuspro/contract'
import { APIResource } from '../core/api-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['webhookEventTypes']

/**
 * The catalog of webhook event types (`/v1/webhook-event-types`), searchable like the settings page.
 *
 * @example
 * ```ts
 * const page = await op.webhookEventTypes.list({ search: 'payment' })
 * page.data.map((t) => t.type) // ['payment.created', 'payment.approved', …]
 * ```
 */
export class WebhookEventTypesResource extends APIResource {
  /**
   * Lists event types; `search` matches name, category or description (case-insensitive), `category` narrows to one.
   *
   * @example
   * ```ts
   * await op.webhookEventTypes.list({ search: 'arrived', category: 'APPOINTMENT' })
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.webhookEventTypes.list, { query }, options)
  }
}
