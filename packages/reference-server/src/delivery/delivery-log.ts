import type { DeliveryAttempt, WebhookDelivery, WebhookEvent } from '@octopuspro/contract'

/** A delivery and what the engine needs to carry it out. @example `log.get('dlv_…')?.retriesLeft` */
export interface DeliveryRecord {
  /** The contract object, kept true at every step (status, attempts, `next_attempt_at`, `updated_at`). */
  readonly delivery: WebhookDelivery
  /** The event as UTF-8 JSON, encoded once and shared by every delivery of the event. */
  readonly body: Uint8Array
  /** Retries of the schedule not used yet. */
  retriesLeft: number
  /** The clock handle of the scheduled retry, if one is scheduled. */
  retryTimer: unknown
  /** Waiting to start, waiting for a slot, or in flight. */
  busy: boolean
  /** Forgotten by `reset`/`close`: whatever is still running for it is dropped. */
  cancelled: boolean
}

/**
 * Which deliveries `server.deliveries.list(filter)` returns.
 *
 * @example `server.deliveries.list({ endpointId: 'whk_…', status: 'failed' })`
 */
export interface DeliveryListFilter {
  endpointId?: string
  status?: WebhookDelivery['status']
}

/**
 * Every delivery made, by id and by endpoint.
 *
 * @example
 * ```ts
 * log.add(record)
 * log.list({ endpointId: 'whk_1', status: 'failed' })
 * ```
 */
export class DeliveryLog {
  readonly #byId = new Map<string, DeliveryRecord>()
  readonly #byEndpoint = new Map<string, DeliveryRecord[]>()

  add(record: DeliveryRecord): void {
    this.#byId.set(record.delivery.id, record)
    const ofEndpoint = this.#byEndpoint.get(record.delivery.endpoint_id)
    if (ofEndpoint === undefined) this.#byEndpoint.set(record.delivery.endpoint_id, [record])
    else ofEndpoint.push(record)
  }

  get(id: string): DeliveryRecord | undefined {
    return this.#byId.get(id)
  }

  /** The live deliveries, ascending by id. */
  list(filter: DeliveryListFilter = {}): WebhookDelivery[] {
    const records =
      filter.endpointId === undefined ? this.#byId.values() : (this.#byEndpoint.get(filter.endpointId) ?? [])
    const deliveries: WebhookDelivery[] = []
    for (const { delivery } of records) {
      if (filter.status === undefined || delivery.status === filter.status) deliveries.push(delivery)
    }
    return deliveries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  records(): IterableIterator<DeliveryRecord> {
    return this.#byId.values()
  }

  get size(): number {
    return this.#byId.size
  }
}

let lastMs = Number.NaN
let lastIso = ''

/** ISO 8601 of a time; the same instant is asked for several times per attempt, so the last one is kept. */
function iso(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString()
    lastMs = ms
  }
  return lastIso
}

/**
 * A new pending delivery of `event` to one endpoint, its first attempt due at once.
 *
 * @example
 * ```ts
 * newDelivery('dlv_1', event, 'whk_1', clock.now()).status // 'pending'
 * ```
 */
export function newDelivery(id: string, event: WebhookEvent, endpointId: string, now: number): WebhookDelivery {
  const at = iso(now)
  return {
    id,
    object: 'webhook_delivery',
    endpoint_id: endpointId,
    event_id: event.id,
    event_type: event.type,
    status: 'pending',
    attempts: [],
    next_attempt_at: at,
    created_at: at,
    updated_at: at,
  }
}

/** Records a finished attempt. @example `appendAttempt(delivery, attempt, clock.now())` */
export function appendAttempt(delivery: WebhookDelivery, attempt: DeliveryAttempt, now: number): void {
  delivery.attempts.push(attempt)
  delivery.updated_at = iso(now)
}

/** The delivery waits for an attempt at `nextAttemptAt`. @example `markPending(delivery, now + 5000, now)` */
export function markPending(delivery: WebhookDelivery, nextAttemptAt: number, now: number): void {
  delivery.status = 'pending'
  delivery.next_attempt_at = iso(nextAttemptAt)
  delivery.updated_at = iso(now)
}

/** The delivery is over: no attempt is coming. @example `markDone(delivery, 'succeeded', clock.now())` */
export function markDone(delivery: WebhookDelivery, status: 'succeeded' | 'failed', now: number): void {
  delivery.status = status
  delivery.next_attempt_at = null
  delivery.updated_at = iso(now)
}

/**
 * A copy that later attempts do not change (attempts themselves never change once recorded).
 *
 * @example
 * ```ts
 * const seen = snapshot(record.delivery)
 * ```
 */
export function snapshot(delivery: WebhookDelivery): WebhookDelivery {
  return { ...delivery, attempts: delivery.attempts.slice() }
}
