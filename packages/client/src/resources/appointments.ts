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

type R = Routes['appointments']

/**
 * Appointments: a fieldworker's visit for a booking (`/v1/appointments`). No delete: cancel through `setStatus`; status changes go through `setStatus` and `arrive` only.
 *
 * @example
 * ```ts
 * const appointment = await op.appointments.create({ booking_id: 'bkg_123', fieldworker_id: 'usr_123', scheduled_start: '2026-12-01T09:00:00.000Z', scheduled_end: '2026-12-01T11:00:00.000Z' })
 * await op.appointments.arrive(appointment.id)
 * ```
 */
export class AppointmentsResource extends APIResource {
  /**
   * Lists appointments, oldest first, page by page (`limit` 1–100, default 20); filters: `status`, `booking_id`, `fieldworker_id`. `await` it for one page, `for await` it for every appointment.
   *
   * @example
   * ```ts
   * for await (const item of op.appointments.list({ limit: 100 })) console.log(item.id)
   * ```
   */
  list(query?: RouteQuery<R['list']>, options?: RequestOptions): PagePromise<RouteItem<R['list']>> {
    return this._client.requestPage(routes.appointments.list, { query }, options)
  }

  /**
   * Creates a appointment.
   *
   * @example
   * ```ts
   * await op.appointments.create({ booking_id: 'bkg_123', fieldworker_id: 'usr_123', scheduled_start: '2026-12-01T09:00:00.000Z', scheduled_end: '2026-12-01T11:00:00.000Z' })
   * ```
   */
  create(body: RouteBody<R['create']>, options?: RequestOptions): APIPromise<RouteResponse<R['create']>> {
    return this._client.request(routes.appointments.create, { body }, options)
  }

  /**
   * Gets a appointment by id; `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const item = await op.appointments.get('apt_123')
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['get']>> {
    return this._client.request(routes.appointments.get, { id }, options)
  }

  /**
   * Updates some fields of a appointment; `null` clears an optional field.
   *
   * @example
   * ```ts
   * await op.appointments.update('apt_123', { scheduled_start: '2026-12-02T09:00:00.000Z', scheduled_end: '2026-12-02T11:00:00.000Z' })
   * ```
   */
  update(id: string, body: RouteBody<R['update']>, options?: RequestOptions): APIPromise<RouteResponse<R['update']>> {
    return this._client.request(routes.appointments.update, { id, body }, options)
  }

  /**
   * Moves an appointment to another status; `ConflictError` (`invalid_state_transition`) for a move the status machine forbids.
   *
   * @example
   * ```ts
   * await op.appointments.setStatus('apt_123', { status: 'en_route' })
   * ```
   */
  setStatus(
    id: string,
    body: RouteBody<R['setStatus']>,
    options?: RequestOptions,
  ): APIPromise<RouteResponse<R['setStatus']>> {
    return this._client.request(routes.appointments.setStatus, { id, body }, options)
  }

  /**
   * Marks the fieldworker arrived (status `arrived`, `arrived_at` set).
   *
   * @example
   * ```ts
   * await op.appointments.arrive('apt_123')
   * ```
   */
  arrive(id: string, options?: RequestOptions): APIPromise<RouteResponse<R['arrive']>> {
    return this._client.request(routes.appointments.arrive, { id, body: {} }, options)
  }
}
