import {
  type Ed25519WebhookEndpoint,
  type HmacWebhookEndpointWithSecret,
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

type CreateBody = RouteBody<R['create']>
type RotateBody = RouteBody<R['rotateSecret']>

/**
 * Webhook endpoints (`/v1/webhooks`): where events are delivered, signed with the endpoint's secret (HMAC) or
 * private key (ed25519), as Standard Webhooks describes.
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
   * Creates an endpoint. By default it is signed with HMAC and the answer holds its `whsec_` secret; with
   * `signing: 'ed25519'` it is signed with a private key that stays on the server, and the answer holds the `whpk_`
   * `public_key` receivers verify with (`secret` is `null`).
   *
   * @example
   * ```ts
   * const { public_key } = await op.webhooks.create({ name: 'Orders', url, event_types: ['*'], signing: 'ed25519' })
   * const webhooks = new Webhooks({ publicKey: public_key })
   * ```
   */
  override create(
    body: CreateBody & { signing: 'ed25519' },
    options?: RequestOptions,
  ): APIPromise<Ed25519WebhookEndpoint>
  override create(
    body: CreateBody & { signing?: 'hmac_sha256' },
    options?: RequestOptions,
  ): APIPromise<HmacWebhookEndpointWithSecret>
  override create(body: CreateBody, options?: RequestOptions): APIPromise<RouteResponse<R['create']>>
  override create(body: CreateBody, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return super.create(body, options)
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
   * Rotates the signing key; the old and the new one both sign deliveries for `expires_in_seconds`. `signing`
   * switches the endpoint to the other scheme (the answer is typed by it); without it the endpoint keeps its own.
   *
   * @example
   * ```ts
   * const { secret } = await op.webhooks.rotateSecret('whk_123', { expires_in_seconds: 86_400 })
   * const { public_key } = await op.webhooks.rotateSecret('whk_123', { signing: 'ed25519' })
   * ```
   */
  rotateSecret(
    id: string,
    body: RotateBody & { signing: 'ed25519' },
    options?: RequestOptions,
  ): APIPromise<Ed25519WebhookEndpoint>
  rotateSecret(
    id: string,
    body: RotateBody & { signing: 'hmac_sha256' },
    options?: RequestOptions,
  ): APIPromise<HmacWebhookEndpointWithSecret>
  rotateSecret(id: string, body?: RotateBody, options?: RequestOptions): APIPromise<RouteResponse<R['rotateSecret']>>
  rotateSecret(
    id: string,
    body: RotateBody = {},
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
