import { routes, type RouteBody, type RouteItem, type RouteQuery, type RouteResponse, type Routes } from '@octopuspro/contract'
import type { APIPromise } from '../core/api-promise.js'
import { APIResource } from '../core/api-resource.js'
import type { PagePromise } from '../core/pagination.js'
import type { RequestOptions } from '../core/types.js'

type R = Routes['quotes']

/**
 * Quotes: priced line items offered to a customer; totals are computed by the server (`/v1/quotes`).
 *
 * @example
 * ```ts
 * const quote = await op.quotes.create({ customer_id: 'cus_123', line_items: [{ description: 'Deep clean', quantity: 1, unit_amount: 18_000 }] })
 * quote.total // 18000
 * ```
 */
export class QuotesResource extends APIResource {
  /**
   * Lists quotes, oldest first, page by page (`limit` 1–100, default 20); filters: `status`, `customer_id`. `await` it for one page, `for await` it for every quote.
   *
   * @example
   * ```ts
   * for await (const item of op.quotes.list({ limit: 100 })) console.log(item.id)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.quotes.list, { query }, options)
  }

  /**
   * Creates a quote.
   *
   * @example
   * ```ts
   * await op.quotes.create({ customer_id: 'cus_123', line_items: [{ description: 'Deep clean', quantity: 2, unit_amount: 4_500, tax_rate: 10 }] })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.quotes.create, { body }, options)
  }

  /**
   * Gets a quote by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const item = await op.quotes.get('quo_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.quotes.get, { id }, options)
  }

  /**
   * Updates some fields of a quote; `null` clears an optional field.
   *
   * @example
   * ```ts
   * await op.quotes.update('quo_123', { status: 'accepted' })
   * ```
   */
  update(id: string, body: RouteBody<R['update']>, options?: RequestOptions): APIPromise<RouteResponse<R['update']>> {
    return this._client.request(routes.quotes.update, { id, body }, options)
  }

  /**
   * Deletes a quote; `ConflictError` (`resource_in_use`) while other objects refer to it.
   *
   * @example
   * ```ts
   * await op.quotes.delete('quo_123') // { id, object: 'quote', deleted: true }
   * ```
   */
  delete(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['delete']>> {
    return this._client.request(routes.quotes.delete, { id }, options)
  }
}
