import type { WebhookDelivery } from '@octopuspro/contract'
import type { WaitSubject } from '../internal/waiters.js'
import { snapshot } from './delivery-log.js'

/**
 * Which delivery `waitFor` waits for: every given field must match.
 *
 * @example `server.deliveries.waitFor({ type: 'booking.created', status: 'succeeded' })`
 */
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
 * What `server.deliveries.waitFor` waits for: a delivery matching its filter, resolved as a snapshot.
 *
 * @example
 * ```ts
 * const waiters = new Waiters(deliveryWaits)
 * ```
 */
export const deliveryWaits: WaitSubject<WebhookDelivery, DeliveryWaitFilter> = {
  noun: 'delivery',
  matches: matchesFilter,
  copy: snapshot,
}
