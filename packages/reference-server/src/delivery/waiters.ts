import type { WebhookDelivery } from '@octopuspro/contract'
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

interface Waiter {
  filter: DeliveryWaitFilter
  resolve(delivery: WebhookDelivery): void
  reject(error: Error): void
  timer: ReturnType<typeof setTimeout>
}

/**
 * The pending `waitFor` calls, told of every change to a delivery.
 *
 * @example
 * ```ts
 * const arrived = waiters.wait({ type: 'booking.created' }, 1000, () => 'no deliveries yet')
 * waiters.notify(delivery)
 * ```
 */
export class DeliveryWaiters {
  readonly #waiting = new Set<Waiter>()

  /**
   * Resolves with the first delivery passed to {@link DeliveryWaiters.notify} that matches. The timeout is real
   * time even on a manual clock, so a test never hangs; `describe` explains the miss in the error.
   */
  wait(filter: DeliveryWaitFilter, timeoutMs: number, describe: () => string): Promise<WebhookDelivery> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        filter,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiting.delete(waiter)
          reject(new DeliveryWaitTimeoutError(`waitFor(${JSON.stringify(filter)}) timed out after ${timeoutMs} ms: no delivery matched. ${describe()}`))
        }, timeoutMs),
      }
      this.#waiting.add(waiter)
    })
  }

  notify(delivery: WebhookDelivery): void {
    for (const waiter of this.#waiting) {
      if (matchesFilter(waiter.filter, delivery)) this.#settle(waiter).resolve(snapshot(delivery))
    }
  }

  rejectAll(error: Error): void {
    for (const waiter of this.#waiting) this.#settle(waiter).reject(error)
  }

  #settle(waiter: Waiter): Waiter {
    clearTimeout(waiter.timer)
    this.#waiting.delete(waiter)
    return waiter
  }
}
