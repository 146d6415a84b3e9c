import { type RouteResponse, type Routes, routes } from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['webhookDeliveries']

/**
 * Webhook deliveries: one per event and endpoint, with every attempt (`/v1/webhook-deliveries`). List them with `op.webhooks.listDeliveries`.
 *
 * @example
 * ```ts
 * const delivery = await op.webhookDeliveries.get('dlv_123')
 * if (delivery.status === 'failed') await op.webhookDeliveries.redeliver(delivery.id)
 * ```
 */
export class WebhookDeliveriesResource extends APIResource {
  /**
   * Gets a delivery with its attempts.
   *
   * @example
   * ```ts
   * const { attempts } = await op.webhookDeliveries.get('dlv_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.webhookDeliveries.get, { id }, options)
  }

  /**
   * Queues a fresh attempt of a delivery (status back to `pending`).
   *
   * @example
   * ```ts
   * await op.webhookDeliveries.redeliver('dlv_123')
   * ```
   */
  redeliver(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['redeliver']>> {
    return this._client.request(routes.webhookDeliveries.redeliver, { id, body: {} }, options)
  }
}
