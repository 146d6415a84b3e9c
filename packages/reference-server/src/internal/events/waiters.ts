import type { WebhookEvent } from '@octopuspro/contract'
import { ReferenceServerError } from '../../errors.js'

/** Which events `server.events.waitFor` waits for. */
export interface EventFilter {
  type?: string
}

interface Waiter {
  filter: EventFilter
  resolve(event: WebhookEvent): void
  reject(error: Error): void
  timer: ReturnType<typeof setTimeout>
}

function matches(filter: EventFilter, event: WebhookEvent): boolean {
  return filter.type === undefined || filter.type === event.type
}

/** The pending `server.events.waitFor` calls, told of every recorded event. */
export class EventWaiters {
  readonly #waiting = new Set<Waiter>()

  /** The first matching event among `existing` (oldest first), or the next one recorded within `timeoutMs` real ms. */
  wait(filter: EventFilter, timeoutMs: number, existing: Iterable<WebhookEvent>): Promise<WebhookEvent> {
    for (const event of existing) if (matches(filter, event)) return Promise.resolve(event)
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        filter,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiting.delete(waiter)
          reject(new ReferenceServerError('event_wait_timeout', `no event${filter.type ? ` of type ${filter.type}` : ''} was recorded within ${timeoutMs} ms; check that the request that should emit it succeeded`))
        }, timeoutMs),
      }
      this.#waiting.add(waiter)
    })
  }

  notify(event: WebhookEvent): void {
    for (const waiter of this.#waiting) {
      if (!matches(waiter.filter, event)) continue
      clearTimeout(waiter.timer)
      this.#waiting.delete(waiter)
      waiter.resolve(event)
    }
  }

  rejectAll(error: Error): void {
    for (const waiter of this.#waiting) {
      clearTimeout(waiter.timer)
      waiter.reject(error)
    }
    this.#waiting.clear()
  }
}
