import type { DeliveryAttempt, WebhookDelivery } from '@octopuspro/contract'

/** One attempt of a delivery, as `deliveries tail` prints it. */
export interface AttemptReport {
  delivery: WebhookDelivery
  attempt: DeliveryAttempt
  /** 1 for the first attempt, 2 for the first retry, … */
  number: number
}

/** Lists the deliveries updated after a server time (all of them when `undefined`). */
export type DeliverySource = (updatedAfter: string | undefined) => AsyncIterable<WebhookDelivery>

// A delivery updated in the same millisecond as the last one seen would slip past an exclusive `updated_after`;
// re-reading a few seconds back costs little and the attempt counts below drop what was already reported.
const overlapMs = 5_000

/**
 * Follows deliveries by polling: each `poll()` returns the attempts made since the previous one, oldest first.
 * It remembers how many attempts of each recent delivery it reported, so a retry is reported once, as its own
 * attempt.
 *
 * @example
 * ```ts
 * const follower = new DeliveryFollower((after) => op.webhooks.listDeliveries(id, { updated_after: after }))
 * await follower.skipExisting()
 * for (const report of await follower.poll()) console.log(report.delivery.event_type, report.attempt.status_code)
 * ```
 */
export class DeliveryFollower {
  readonly #source: DeliverySource
  readonly #reported = new Map<string, { attempts: number; updatedAt: string }>()
  #latest: string | undefined

  constructor(source: DeliverySource) {
    this.#source = source
  }

  /** Marks every attempt made so far as reported, so that only what happens next is. */
  async skipExisting(): Promise<void> {
    await this.poll()
  }

  /** The attempts made since the last poll. */
  async poll(): Promise<AttemptReport[]> {
    const after = this.#latest && new Date(Date.parse(this.#latest) - overlapMs).toISOString()
    const reports: AttemptReport[] = []
    for await (const delivery of this.#source(after)) {
      const known = this.#reported.get(delivery.id)?.attempts ?? 0
      delivery.attempts.slice(known).forEach((attempt, index) => {
        reports.push({ delivery, attempt, number: known + index + 1 })
      })
      this.#reported.set(delivery.id, { attempts: delivery.attempts.length, updatedAt: delivery.updated_at })
      if (!this.#latest || delivery.updated_at > this.#latest) this.#latest = delivery.updated_at
    }
    if (after) for (const [id, seen] of this.#reported) if (seen.updatedAt < after) this.#reported.delete(id)
    return reports.sort((a, b) => a.attempt.at.localeCompare(b.attempt.at))
  }
}

/**
 * An attempt as one line: event type, event id, status code (or the error), duration, delivery id, endpoint, and
 * the attempt number from the first retry on.
 *
 * @example
 * ```ts
 * formatAttempt(report) // 'payment.approved evt_… 204 12ms dlv_… → whk_…'
 * ```
 */
export function formatAttempt({ delivery, attempt, number }: AttemptReport): string {
  const outcome = attempt.status_code ?? `error (${attempt.error ?? 'no answer'})`
  const duration = `${Math.round(attempt.duration_ms)}ms`
  const ids = `${delivery.id} → ${delivery.endpoint_id}`
  const line = `${delivery.event_type} ${delivery.event_id} ${outcome} ${duration} ${ids}`
  return number > 1 ? `${line} attempt ${number}` : line
}

/** An attempt as one JSON record (`--json`). @example `JSON.stringify(attemptRecord(report))` */
export function attemptRecord({ delivery, attempt, number }: AttemptReport) {
  return {
    type: 'delivery_attempt',
    delivery_id: delivery.id,
    endpoint_id: delivery.endpoint_id,
    event_id: delivery.event_id,
    event_type: delivery.event_type,
    attempt: number,
    status_code: attempt.status_code,
    duration_ms: attempt.duration_ms,
    error: attempt.error,
    at: attempt.at,
    delivery_status: delivery.status,
  }
}
