import {
  type Ed25519WebhookEndpoint,
  type HmacWebhookEndpointWithSecret,
  type RouteBody,
  type RouteResponse,
  type Routes,
  routes,
} from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { routeResource } from '../core/route-resource.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['webhooks']
type CreateBody = RouteBody<R['create']>
type RotateBody = RouteBody<R['rotateSecret']>

/**
 * Webhook endpoints (`/v1/webhooks`): where events are delivered, signed with the endpoint's secret (HMAC) or
 * private key (ed25519), as Standard Webhooks describes. Its methods come from the route table; `create` and
 * `rotateSecret` type their answer by the signing scheme the body names.
 *
 * @example
 * ```ts
 * const { secret } = await op.webhooks.create({ name: 'Orders', url: 'https://example.com/hooks', event_types: ['*'] })
 * ```
 */
export class WebhooksResource extends routeResource(routes.webhooks, ['create', 'rotateSecret']) {
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
  create(body: CreateBody & { signing: 'ed25519' }, options?: RequestOptions): APIPromise<Ed25519WebhookEndpoint>
  create(
    body: CreateBody & { signing?: 'hmac_sha256' },
    options?: RequestOptions,
  ): APIPromise<HmacWebhookEndpointWithSecret>
  create(body: CreateBody, options?: RequestOptions): APIPromise<RouteResponse<R['create']>>
  create(body: CreateBody, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.webhooks.create, { body }, options)
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
}
