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

type R = Routes['apiKeys']

/**
 * API keys (`/v1/api-keys`): one per integration, so revoking one never affects another. The secret is returned once, by `create` and `roll`.
 *
 * @example
 * ```ts
 * const { secret } = await op.apiKeys.create({ name: 'Zapier', mode: 'read_only' })
 * ```
 */
export class ApiKeysResource extends APIResource {
  /**
   * Lists API keys (never their secrets), page by page.
   *
   * @example
   * ```ts
   * const keys = await op.apiKeys.list().toArray({ limit: 100 })
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.apiKeys.list, { query }, options)
  }

  /**
   * Creates an API key; the answer carries its `secret`, shown this once.
   *
   * @example
   * ```ts
   * const { secret } = await op.apiKeys.create({ name: 'Zapier', mode: 'read_only' })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.apiKeys.create, { body }, options)
  }

  /**
   * Gets an API key (without its secret).
   *
   * @example
   * ```ts
   * await op.apiKeys.get('key_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.apiKeys.get, { id }, options)
  }

  /**
   * Renames an API key.
   *
   * @example
   * ```ts
   * await op.apiKeys.update('key_123', { name: 'Zapier (prod)' })
   * ```
   */
  update(id: string, body: RouteBody<R['update']>, options?: RequestOptions): APIPromise<RouteResponse<R['update']>> {
    return this._client.request(routes.apiKeys.update, { id, body }, options)
  }

  /**
   * Rolls an API key: a new secret now; the old one keeps working for `expires_in_seconds` (default 0).
   *
   * @example
   * ```ts
   * const { secret } = await op.apiKeys.roll('key_123', { expires_in_seconds: 3_600 })
   * ```
   */
  roll(id: string, body: RouteBody<R['roll']> = {}, options?: RequestOptions): APIPromise<RouteResponse<R['roll']>> {
    return this._client.request(routes.apiKeys.roll, { id, body }, options)
  }

  /**
   * Revokes an API key at once (a key may revoke itself).
   *
   * @example
   * ```ts
   * await op.apiKeys.revoke('key_123')
   * ```
   */
  revoke(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['revoke']>> {
    return this._client.request(routes.apiKeys.revoke, { id, body: {} }, options)
  }
}
