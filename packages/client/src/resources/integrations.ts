import {
  type IntegrationConnectOf,
  type IntegrationId,
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

type R = Routes['integrations']

/**
 * The built-in integrations (`/v1/integrations`): Mailchimp, Google Maps, payment gateways, … Credentials are
 * write-only: `connect` stores them, nothing ever returns them (`credentials_set` names the stored fields).
 *
 * @example
 * ```ts
 * await op.integrations.connect('authorize_net', { credentials: { api_login_id: 'abc', transaction_key: 'secret' }, settings: { sandbox: true } })
 * ```
 */
export class IntegrationsResource extends APIResource {
  /**
   * Lists the built-in integrations and whether each is connected.
   *
   * @example
   * ```ts
   * const { data } = await op.integrations.list()
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.integrations.list, { query }, options)
  }

  /**
   * Gets one integration.
   *
   * @example
   * ```ts
   * const mailchimp = await op.integrations.get('mailchimp')
   * ```
   */
  get(id: IntegrationId, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.integrations.get, { id }, options)
  }

  /**
   * Connects an integration with its credentials (typed per integration) and optional settings; `google_maps`
   * needs the `unlimited` plan (`PermissionDeniedError`, `plan_required`).
   *
   * @example
   * ```ts
   * await op.integrations.connect('mailchimp', { credentials: { api_key: 'abc-us1', audience_id: 'a1b2' } })
   * ```
   */
  connect<I extends IntegrationId>(
    id: I,
    body: IntegrationConnectOf<I>,
    options?: RequestOptions,
  ): APIPromise<RouteResponse<R['connect']>> {
    return this._client.request(routes.integrations.connect, { id, body }, options)
  }

  /**
   * Disconnects an integration and forgets its credentials.
   *
   * @example
   * ```ts
   * await op.integrations.disconnect('mailchimp')
   * ```
   */
  disconnect(id: IntegrationId, options?: RequestOptions): APIPromise<RouteResponse<R['disconnect']>> {
    return this._client.request(routes.integrations.disconnect, { id }, options)
  }
}
