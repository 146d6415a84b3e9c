import type { WebhookEvent } from '@octopuspro/contract'
import { ReferenceServerError } from '../../errors.js'
import { Waiters } from '../waiters.js'

/** Which events `server.events.waitFor` waits for. */
export interface EventFilter {
  type?: string
}

function matches(filter: EventFilter, event: WebhookEvent): boolean {
  return filter.type === undefined || filter.type === event.type
}

/** The pending `server.events.waitFor` calls, told of every recorded event. */
export class EventWaiters {
  readonly #waiters = new Waiters<WebhookEvent>()

  /** The first matching event among `existing` (oldest first), or the next one recorded within `timeoutMs` real ms. */
  wait(filter: EventFilter, timeoutMs: number, existing: Iterable<WebhookEvent>): Promise<WebhookEvent> {
    for (const event of existing) if (matches(filter, event)) return Promise.resolve(event)
    return this.#waiters.wait(
      (event) => matches(filter, event),
      timeoutMs,
      () =>
        new ReferenceServerError(
          'event_wait_timeout',
          `no event${filter.type ? ` of type ${filter.type}` : ''} was recorded within ${timeoutMs} ms; check that the request that should emit it succeeded`,
        ),
    )
  }

  notify(event: WebhookEvent): void {
    this.#waiters.notify(event)
  }

  rejectAll(error: Error): void {
    this.#waiters.rejectAll(error)
  }
}
