import { routes, type RouteBody, type RouteItem, type RouteQuery, type RouteResponse, type Routes } from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
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
export class WebhooksResource extends APIResource {
  /**
   * Lists webhook endpoints, oldest first, page by page (`limit` 1–100, default 20). `await` it for one page, `for await` it for every webhook endpoint.
   *
   * @example
   * ```ts
   * for await (const item of op.webhooks.list({ limit: 100 })) console.log(item.id)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.webhooks.list, { query }, options)
  }

  /**
   * Creates a webhook endpoint.
   *
   * @example
   * ```ts
   * const { secret } = await op.webhooks.create({ name: 'Orders', url: 'https://example.com/webhooks', event_types: ['*'] })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.webhooks.create, { body }, options)
  }

  /**
   * Gets a webhook endpoint by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const item = await op.webhooks.get('whk_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.webhooks.get, { id }, options)
  }

  /**
   * Updates some fields of a webhook endpoint; `null` clears an optional field.
   *
   * @example
   * ```ts
   * await op.webhooks.update('whk_123', { active: true })
   * ```
   */
  update(id: string, body: RouteBody<R['update']>, options?: RequestOptions): APIPromise<RouteResponse<R['update']>> {
    return this._client.request(routes.webhooks.update, { id, body }, options)
  }

  /**
   * Deletes a webhook endpoint; `ConflictError` (`resource_in_use`) while other objects refer to it.
   *
   * @example
   * ```ts
   * await op.webhooks.delete('whk_123') // { id, object: 'webhook endpoint', deleted: true }
   * ```
   */
  delete(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['delete']>> {
    return this._client.request(routes.webhooks.delete, { id }, options)
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
  rotateSecret(id: string, body: RouteBody<R['rotateSecret']> = {}, options?: RequestOptions): APIPromise<RouteResponse<R['rotateSecret']>> {
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
  sendTest(id: string, body: RouteBody<R['sendTest']>, options?: RequestOptions): APIPromise<RouteResponse<R['sendTest']>> {
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
  listDeliveries(id: string, query?: RouteQuery<R['listDeliveries']>, options?: RequestOptions): PagePromise<RouteItem<R['listDeliveries']>> {
    return this._client.requestPage(routes.webhooks.listDeliveries, { id, query }, options)
  }
}
