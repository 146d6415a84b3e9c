import { routes, type RouteBody, type RouteItem, type RouteQuery, type RouteResponse, type Routes } from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['users']

/**
 * Users: the staff of the account (`/v1/users`): admins, dispatchers, fieldworkers, …
 *
 * @example
 * ```ts
 * const fieldworkers = await op.users.list({ role: 'fieldworker', active: true })
 * ```
 */
export class UsersResource extends APIResource {
  /**
   * Lists users, oldest first, page by page (`limit` 1–100, default 20); filters: `role`, `active`. `await` it for one page, `for await` it for every user.
   *
   * @example
   * ```ts
   * for await (const item of op.users.list({ limit: 100 })) console.log(item.id)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.users.list, { query }, options)
  }

  /**
   * Creates a user.
   *
   * @example
   * ```ts
   * const user = await op.users.create({ name: 'Grace', email: 'grace@example.com', role: 'fieldworker' })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.users.create, { body }, options)
  }

  /**
   * Gets a user by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const item = await op.users.get('usr_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.users.get, { id }, options)
  }

  /**
   * Updates some fields of a user; `null` clears an optional field.
   *
   * @example
   * ```ts
   * await op.users.update('usr_123', { active: false })
   * ```
   */
  update(id: string, body: RouteBody<R['update']>, options?: RequestOptions): APIPromise<RouteResponse<R['update']>> {
    return this._client.request(routes.users.update, { id, body }, options)
  }

  /**
   * Deletes a user; `ConflictError` (`resource_in_use`) while other objects refer to it.
   *
   * @example
   * ```ts
   * await op.users.delete('usr_123') // { id, object: 'user', deleted: true }
   * ```
   */
  delete(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['delete']>> {
    return this._client.request(routes.users.delete, { id }, options)
  }
}
