import {
  type RouteBody,
  type RouteItem,
  type RouteQuery,
  type RouteResponse,
  type Routes,
  routes,
} from '@octopuspro/contract'
import type { OctopusPro } from '../client.js'
import type { APIPromise } from '../core/api-promise.js'
import { CrudResource } from '../core/crud-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['webhooks']

/**
 * Webhook endpoints (`/v1/webhooks`): where events are delivered, signed with the endpoint's secret (Standard Webhooks).
 *
 * @example
 * ```ts
 * const endpoint = await op.webhooks.create({ name: 'Orders', url: 'https://example.com/webhooks', event_types: ['booking.created'] })
 * endpoint.secret // 'whsec_…', give it to your receiver
 * ```
 */
export class WebhooksResource extends CrudResource<'webhooks'> {
  constructor(client: OctopusPro) {
    super(client, 'webhooks')
  }

  /**
   * Gets the endpoint's signing secret again (and the previous one while a rotation overlaps).
   *
   * @example
   * ```ts
   * const { secret, previous_secret } = await op.webhooks.getSecret('whk_123')
   * ```
   */
  getSecret(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['getSecret']>> {
    return this._client.request(routes.webhooks.getSecret, { id }, options)
  }

  /**
   * Rotates the signing secret; both secrets sign deliveries for `expires_in_seconds`.
   *
   * @example
   * ```ts
   * const { secret } = await op.webhooks.rotateSecret('whk_123', { expires_in_seconds: 86_400 })
   * ```
   */
  rotateSecret(
    id: string,
    body: RouteBody<R['rotateSecret']> = {},
    options?: RequestOptions,
  ): APIPromise<RouteResponse<R['rotateSecret']>> {
    return this._client.request(routes.webhooks.rotateSecret, { id, body }, options)
  }

  /**
   * Sends a sample event of a type to this endpoint now (marked `test: true`).
   *
   * @example
   * ```ts
   * await op.webhooks.sendTest('whk_123', { event_type: 'payment.approved' })
   * ```
   */
  sendTest(
    id: string,
    body: RouteBody<R['sendTest']>,
    options?: RequestOptions,
  ): APIPromise<RouteResponse<R['sendTest']>> {
    return this._client.request(routes.webhooks.sendTest, { id, body }, options)
  }

  /**
   * Lists the endpoint's deliveries, page by page; filter by `status`.
   *
   * @example
   * ```ts
   * for await (const d of op.webhooks.listDeliveries('whk_123', { status: 'failed' })) console.log(d.event_type)
   * ```
   */
  listDeliveries(
    id: string,
    query?: RouteQuery<R['listDeliveries']>,
    options?: RequestOptions,
  ): PagePromise<RouteItem<R['listDeliveries']>> {
    return this._client.requestPage(routes.webhooks.listDeliveries, { id, query }, options)
  }
}
