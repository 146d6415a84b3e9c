import type { WebhookDelivery } from '@octopuspro/contract'
import { Waiters } from '../internal/waiters.js'
import { snapshot } from './delivery-log.js'
import { DeliveryWaitTimeoutError } from './errors.js'

/** Which delivery `waitFor` waits for: every given field must match. @example `server.deliveries.waitFor({ type: 'booking.created', status: 'succeeded' })` */
export interface DeliveryWaitFilter {
  /** The event type, e.g. `booking.created`. */
  type?: string
  eventId?: string
  endpointId?: string
  status?: WebhookDelivery['status']
}

/**
 * Whether a delivery matches a filter.
 *
 * @example
 * ```ts
 * matchesFilter({ type: 'booking.created', status: 'succeeded' }, delivery)
 * ```
 */
export function matchesFilter(filter: DeliveryWaitFilter, delivery: WebhookDelivery): boolean {
  return (
    (filter.type === undefined || filter.type === delivery.event_type) &&
    (filter.eventId === undefined || filter.eventId === delivery.event_id) &&
    (filter.endpointId === undefined || filter.endpointId === delivery.endpoint_id) &&
    (filter.status === undefined || filter.status === delivery.status)
  )
}

/**
 * The pending `waitFor` calls of the delivery engine, told of every change to a delivery.
 *
 * @example
 * ```ts
 * const arrived = waiters.wait({ type: 'booking.created' }, 1000, () => 'no deliveries yet')
 * waiters.notify(delivery)
 * ```
 */
export class DeliveryWaiters {
  readonly #waiters = new Waiters<WebhookDelivery>()

  /** Resolves with the first notified delivery that matches; `describe` explains a miss in the timeout error. */
  wait(filter: DeliveryWaitFilter, timeoutMs: number, describe: () => string): Promise<WebhookDelivery> {
    return this.#waiters.wait(
      (delivery) => matchesFilter(filter, delivery),
      timeoutMs,
      () =>
        new DeliveryWaitTimeoutError(
          `waitFor(${JSON.stringify(filter)}) timed out after ${timeoutMs} ms: no delivery matched. ${describe()}`,
        ),
    )
  }

  notify(delivery: WebhookDelivery): void {
    this.#waiters.notify(delivery, snapshot)
  }

  rejectAll(error: Error): void {
    this.#waiters.rejectAll(error)
  }
}
