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

type R = Routes['payments']

/**
 * Payments: financial records, so no update and no delete; approve, reject or refund them (`/v1/payments`).
 *
 * @example
 * ```ts
 * const payment = await op.payments.create({ customer_id: 'cus_123', invoice_id: 'inv_123', amount: 19_800, method: 'card', gateway: 'authorize_net' })
 * await op.payments.approve(payment.id)
 * ```
 */
export class PaymentsResource extends APIResource {
  /**
   * Lists payments, oldest first, page by page (`limit` 1–100, default 20); filters: `status`, `customer_id`, `invoice_id`. `await` it for one page, `for await` it for every payment.
   *
   * @example
   * ```ts
   * for await (const item of op.payments.list({ limit: 100 })) console.log(item.id)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.payments.list, { query }, options)
  }

  /**
   * Creates a payment.
   *
   * @example
   * ```ts
   * await op.payments.create({ customer_id: 'cus_123', amount: 5_000, method: 'cash', gateway: 'manual' })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.payments.create, { body }, options)
  }

  /**
   * Gets a payment by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const item = await op.payments.get('pay_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.payments.get, { id }, options)
  }

  /**
   * Approves a pending payment; its invoice's `amount_paid` grows (and it becomes `paid` when nothing is due).
   *
   * @example
   * ```ts
   * await op.payments.approve('pay_123')
   * ```
   */
  approve(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['approve']>> {
    return this._client.request(routes.payments.approve, { id, body: {} }, options)
  }

  /**
   * Rejects a pending payment with a reason.
   *
   * @example
   * ```ts
   * await op.payments.reject('pay_123', { reason: 'card declined' })
   * ```
   */
  reject(id: string, body: RouteBody<R['reject']>, options?: RequestOptions): APIPromise<RouteResponse<R['reject']>> {
    return this._client.request(routes.payments.reject, { id, body }, options)
  }

  /**
   * Refunds an approved payment: `amount` in minor units, or everything that is left when omitted.
   *
   * @example
   * ```ts
   * await op.payments.refund('pay_123', { amount: 500 })
   * ```
   */
  refund(
    id: string,
    body: RouteBody<R['refund']> = {},
    options?: RequestOptions,
  ): APIPromise<RouteResponse<R['refund']>> {
    return this._client.request(routes.payments.refund, { id, body }, options)
  }
}
