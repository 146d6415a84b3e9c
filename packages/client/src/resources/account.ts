import { type RouteResponse, type Routes, routes } from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['account']

/**
 * The account the API key belongs to (`/v1/account`).
 *
 * @example
 * ```ts
 * const { name, plan, currency } = await op.account.get()
 * ```
 */
export class AccountResource extends APIResource {
  /**
   * Gets the account of the API key.
   *
   * @example
   * ```ts
   * const account = await op.account.get()
   * ```
   */
  get(options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.account.get, {}, options)
  }
}
