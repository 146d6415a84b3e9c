import { type RouteItem, type RouteQuery, type Routes, routes } from '@octopuspro/contract'
import { APIResource } from '../core/api-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['requestLogs']

/**
 * The request log (`/v1/request-logs`): the most recent API requests with their status and duration, what
 * `octopuspro logs tail` follows.
 *
 * @example
 * ```ts
 * for await (const entry of op.requestLogs.list()) console.log(entry.method, entry.path, entry.status)
 * ```
 */
export class RequestLogsResource extends APIResource {
  /**
   * Lists the most recent requests, oldest first (reads of the log itself are not in it).
   *
   * @example
   * ```ts
   * const page = await op.requestLogs.list({ starting_after: 'req_123' })
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.requestLogs.list, { query }, options)
  }
}
