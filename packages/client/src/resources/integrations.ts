import {
  type IntegrationConnectOf,
  type IntegrationId,
  type RouteResponse,
  type Routes,
  routes,
} from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { routeResource } from '../core/route-resource.js'
import type { RequestOptions } from '../core/types.js'

/**
 * The built-in integrations (`/v1/integrations`): Mailchimp, Google Maps, payment gateways, … Credentials are
 * write-only: `connect` stores them, nothing ever returns them (`credentials_set` names the stored fields). Its
 * methods come from the route table; `connect` narrows the body to the credentials of the integration it connects.
 *
 * @example
 * ```ts
 * await op.integrations.connect('authorize_net', {
 *   credentials: { api_login_id: 'abc', transaction_key: 'secret' },
 *   settings: { sandbox: true },
 * })
 * ```
 */
export class IntegrationsResource extends routeResource(routes.integrations, ['connect']) {
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
  ): APIPromise<RouteResponse<Routes['integrations']['connect']>> {
    return this._client.request(routes.integrations.connect, { id, body }, options)
  }
}
