import type { WebhookEvent } from '@octopuspro/contract'
import type { WaitSubject } from '../waiters.js'

/** Which events `server.events.waitFor` waits for. @example `server.events.waitFor({ type: 'booking.created' })` */
export interface EventFilter {
  type?: string
}

/**
 * What `server.events.waitFor` waits for: an event of the filter's type, or any event.
 *
 * @example
 * ```ts
 * const waiters = new Waiters(eventWaits)
 * ```
 */
export const eventWaits: WaitSubject<WebhookEvent, EventFilter> = {
  noun: 'event',
  matches: (filter, event) => filter.type === undefined || filter.type === event.type,
}

/** The hint of an event wait's timeout message. */
export const eventWaitHint = () => 'Check that the request that should emit it succeeded.'
