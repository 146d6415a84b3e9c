import type { WebhookDelivery, WebhookEvent } from '@octopuspro/contract'
import { Waiters } from '../internal/waiters.js'
import { type AttemptResult, type DeliveryAttemptContext, sendAttempt } from './attempt.js'
import {
  appendAttempt,
  type DeliveryListFilter,
  DeliveryLog,
  type DeliveryRecord,
  markDone,
  markPending,
  newDelivery,
  snapshot,
} from './delivery-log.js'
import { EndpointSlots } from './endpoint-slots.js'
import { DeliveryEngineClosedError } from './errors.js'
import { FailingWindow } from './failing-window.js'
import {
  type DeliveryEngineOptions,
  type EndpointDisabledReason,
  type ResolvedDeliveryOptions,
  resolveDeliveryOptions,
} from './options.js'
import { jitteredDelay } from './retry-schedule.js'
import { SignatureSigner } from './signer.js'
import { type DeliveryWaitFilter, deliveryWaits } from './wait-filter.js'

const encoder = new TextEncoder()

export type { DeliveryListFilter } from './delivery-log.js'
export type { DeliveryEngineOptions, EndpointDisabledReason, EndpointForDelivery } from './options.js'
export type { DeliveryWaitFilter } from './wait-filter.js'

/** One delivery as a snapshot keeps it: the contract object, the exact bytes it sends, the retries it has left. */
export interface SavedDelivery {
  delivery: WebhookDelivery
  body: Uint8Array
  retriesLeft: number
}

/** What an engine knows that must outlive it: every delivery, and since when each failing endpoint has failed. */
export interface DeliveryEngineState {
  deliveries: SavedDelivery[]
  failingSince: [string, number][]
}

/**
 * Options of `server.deliveries.waitFor(filter, options)`.
 *
 * @example `server.deliveries.waitFor({ type: 'customer.created' }, { timeout: 2000 })`
 */
export interface DeliveryWaitOptions {
  /** Real milliseconds to wait before rejecting (default 5000). */
  timeout?: number
}

/**
 * Delivers events to webhook endpoints at least once: signed Standard Webhooks POSTs, retried on the schedule with
 * jitter, at most `concurrencyPerEndpoint` in flight per endpoint, every attempt kept in a log of contract
 * `WebhookDelivery` objects. Dispatching never waits for delivery.
 *
 * @example
 * ```ts
 * const engine = new DeliveryEngine({
 *   userAgent: 'OctopusPro-Webhooks/0.1.0',
 *   getEndpoint,
 *   disableEndpoint,
 *   retrySchedule: [10, 50],
 * })
 * engine.dispatch(event, ['whk_1'])
 * const delivery = await engine.waitFor({ eventId: event.id, status: 'succeeded' })
 * await engine.close()
 * ```
 */
export class DeliveryEngine {
  readonly #options: ResolvedDeliveryOptions
  readonly #context: DeliveryAttemptContext
  readonly #waiters = new Waiters(deliveryWaits)
  #log = new DeliveryLog()
  #slots: EndpointSlots
  #failing: FailingWindow
  /** Dispatched or redelivered, waiting for the next start of the queue. */
  #ready: DeliveryRecord[] = []
  #startTimer: unknown
  /** Runs not finished yet (ready, waiting for a slot, or in flight): 0 means idle. */
  #busy = 0
  #idleWaiters: (() => void)[] = []
  /** How to abort each request in flight. */
  readonly #inFlight = new Set<() => void>()
  #closed = false

  constructor(options: DeliveryEngineOptions) {
    this.#options = resolveDeliveryOptions(options)
    const { clock, transport, timeoutMs, userAgent } = this.#options
    this.#context = { clock, transport, timeoutMs, userAgent, signer: new SignatureSigner() }
    this.#slots = new EndpointSlots(this.#options.concurrencyPerEndpoint)
    this.#failing = new FailingWindow(this.#options.failingWindowMs)
  }

  /**
   * Creates one pending delivery of `event` per endpoint id and starts their first attempts on the next tick; the
   * event is serialized and encoded once here, so every attempt sends (and signs) the same bytes.
   *
   * @example
   * ```ts
   * const [delivery] = engine.dispatch(event, ['whk_1'])
   * delivery.status // 'pending'
   * ```
   */
  dispatch(event: WebhookEvent, endpointIds: readonly string[]): WebhookDelivery[] {
    if (this.#closed) throw new DeliveryEngineClosedError('dispatch')
    const body = encoder.encode(JSON.stringify(event))
    const now = this.#options.clock.now()
    const records = [...new Set(endpointIds)].map((endpointId) => {
      const record: DeliveryRecord = {
        delivery: newDelivery(this.#options.ids('webhook_delivery'), event, endpointId, now),
        body,
        retriesLeft: this.#options.retrySchedule.length,
        retryTimer: undefined,
        busy: false,
        cancelled: false,
      }
      this.#log.add(record)
      this.#enqueue(record)
      return record
    })
    for (const { delivery } of records) {
      this.#options.onChange?.(delivery.id)
      this.#waiters.notify(delivery)
    }
    return records.map(({ delivery }) => snapshot(delivery))
  }

  /**
   * Queues a fresh attempt now (status back to `pending`). It takes the place of a scheduled retry, which the
   * schedule resumes after if it fails; on a finished delivery it is one extra attempt. A delivery already
   * attempting is left as is. `undefined` for an unknown id.
   *
   * @example
   * ```ts
   * engine.redeliver('dlv_…')?.status // 'pending'
   * ```
   */
  redeliver(deliveryId: string): WebhookDelivery | undefined {
    if (this.#closed) throw new DeliveryEngineClosedError('redeliver')
    const record = this.#log.get(deliveryId)
    if (record === undefined) return undefined
    if (!record.busy) {
      if (record.retryTimer !== undefined) {
        this.#options.clock.clearTimeout(record.retryTimer)
        record.retryTimer = undefined
        record.retriesLeft++
      }
      const now = this.#options.clock.now()
      markPending(record.delivery, now, now)
      this.#enqueue(record)
      this.#options.onChange?.(deliveryId)
      this.#waiters.notify(record.delivery)
    }
    return snapshot(record.delivery)
  }

  /** A delivery by id, as it is now. @example `engine.get('dlv_…')?.attempts.length` */
  get(deliveryId: string): WebhookDelivery | undefined {
    const record = this.#log.get(deliveryId)
    return record && snapshot(record.delivery)
  }

  /** A delivery as {@link DeliveryEngine.save} keeps it. @example `engine.saved('dlv_…')?.retriesLeft` */
  saved(deliveryId: string): SavedDelivery | undefined {
    const record = this.#log.get(deliveryId)
    return record && { delivery: snapshot(record.delivery), body: record.body, retriesLeft: record.retriesLeft }
  }

  /**
   * Every delivery (copied) with its body and retries left, and the failing windows: what
   * {@link DeliveryEngine.restore} takes to carry on from here, in this process or another.
   *
   * @example
   * ```ts
   * const saved = engine.save()
   * saved.deliveries[0]?.delivery.status // 'pending'
   * ```
   */
  save(): DeliveryEngineState {
    const deliveries = [...this.#log.records()].map(({ delivery }) => this.saved(delivery.id) as SavedDelivery)
    return { deliveries, failingSince: this.failingSince() }
  }

  /**
   * The endpoints whose attempts have all failed, with the time of the first failure.
   * @example `engine.failingSince() // [['whk_1', 1764237600000]]`
   */
  failingSince(): [string, number][] {
    return this.#failing.entries()
  }

  /**
   * Forgets every delivery (as {@link DeliveryEngine.reset}) and takes over saved ones: a pending delivery gets its
   * attempt at its `next_attempt_at`, at once if that has passed. The saved value is copied, never changed.
   *
   * @example
   * ```ts
   * engine.restore(saved) // a retry due in 3 s is sent in 3 s
   * ```
   */
  restore(state: DeliveryEngineState): void {
    if (this.#closed) throw new DeliveryEngineClosedError('restore')
    this.reset()
    this.#failing.load(state.failingSince)
    const now = this.#options.clock.now()
    for (const { delivery, body, retriesLeft } of state.deliveries) {
      const record: DeliveryRecord = {
        delivery: snapshot(delivery),
        body,
        retriesLeft,
        retryTimer: undefined,
        busy: false,
        cancelled: false,
      }
      this.#log.add(record)
      const due = delivery.next_attempt_at === null ? now : Date.parse(delivery.next_attempt_at)
      if (delivery.status === 'pending') this.#schedule(record, due - now)
    }
  }

  /**
   * Deliveries ascending by id, optionally of one endpoint and/or status.
   *
   * @example `engine.list({ endpointId, status: 'failed' })`
   */
  list(filter?: DeliveryListFilter): WebhookDelivery[] {
    return this.#log.list(filter).map(snapshot)
  }

  /**
   * Resolves with the first delivery that matches, whether it exists already or comes later; rejects with a
   * {@link WaitTimeoutError} after `timeout` real ms (default 5000).
   *
   * @example
   * ```ts
   * const delivery = await engine.waitFor({ type: 'booking.created', status: 'succeeded' }, { timeout: 1000 })
   * ```
   */
  waitFor(filter: DeliveryWaitFilter, options: DeliveryWaitOptions = {}): Promise<WebhookDelivery> {
    return this.#waiters.wait(filter, options.timeout ?? 5000, this.#log.list(filter), () => this.#describeLatest())
  }

  /**
   * Resolves when no attempt is in flight or due; retries scheduled for later do not count (on a manual clock,
   * `advance` fires them).
   *
   * @example
   * ```ts
   * engine.dispatch(event, ['whk_1'])
   * await engine.idle() // the first attempt is recorded
   * ```
   */
  idle(): Promise<void> {
    if (this.#busy === 0) return Promise.resolve()
    return new Promise((resolve) => this.#idleWaiters.push(resolve))
  }

  /**
   * Forgets every delivery: scheduled retries are cancelled, attempts in flight aborted and not recorded.
   * Pending `waitFor`s keep waiting for new deliveries.
   *
   * @example
   * ```ts
   * engine.reset()
   * engine.list() // []
   * ```
   */
  reset(): void {
    this.#cancelAll()
    this.#log = new DeliveryLog()
    this.#slots = new EndpointSlots(this.#options.concurrencyPerEndpoint)
    this.#failing = new FailingWindow(this.#options.failingWindowMs)
  }

  /**
   * Cancels every timer, aborts attempts in flight and rejects pending `waitFor`s; resolves once nothing is left
   * running. The log stays readable.
   *
   * @example
   * ```ts
   * await engine.close()
   * ```
   */
  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true
      this.#cancelAll()
      this.#waiters.close(new DeliveryEngineClosedError('waitFor'))
    }
    await this.idle()
    this.#options.transport.close?.()
  }

  /** Stops everything under way; runs still winding down (aborted, turned away) end on their own, unrecorded. */
  #cancelAll(): void {
    const { clock } = this.#options
    for (const record of this.#log.records()) {
      record.cancelled = true
      if (record.retryTimer !== undefined) clock.clearTimeout(record.retryTimer)
      record.retryTimer = undefined
    }
    if (this.#startTimer !== undefined) clock.clearTimeout(this.#startTimer)
    this.#startTimer = undefined
    for (const record of this.#ready) this.#runEnded(record)
    this.#ready = []
    this.#resolveIdle()
    this.#slots.drop()
    for (const abort of this.#inFlight) abort()
  }

  #enqueue(record: DeliveryRecord): void {
    record.busy = true
    this.#busy++
    this.#ready.push(record)
    this.#startTimer ??= this.#options.clock.setTimeout(() => this.#startReady(), 0)
  }

  #startReady(): Promise<unknown> {
    this.#startTimer = undefined
    const ready = this.#ready
    this.#ready = []
    return Promise.all(ready.map((record) => this.#run(record)))
  }

  #scheduleRetry(record: DeliveryRecord, now: number): void {
    const { retrySchedule, jitter, random } = this.#options
    const delay = jitteredDelay(retrySchedule[retrySchedule.length - record.retriesLeft]!, jitter, random)
    record.retriesLeft--
    markPending(record.delivery, now + delay, now)
    this.#schedule(record, delay)
  }

  /** The next attempt of a record in `delay` ms. */
  #schedule(record: DeliveryRecord, delay: number): void {
    // An attempt due at once is queued at once, so idle() waits for it as for any attempt due.
    if (delay <= 0) {
      this.#enqueue(record)
      return
    }
    record.retryTimer = this.#options.clock.setTimeout(() => {
      record.retryTimer = undefined
      record.busy = true
      this.#busy++
      return this.#run(record)
    }, delay)
  }

  /** One attempt of a record, waiting for a slot of its endpoint first, then what follows from it. */
  async #run(record: DeliveryRecord): Promise<void> {
    let result: AttemptResult | undefined
    await this.#slots.run(record.delivery.endpoint_id, async () => {
      if (record.cancelled) return
      result = await this.#attempt(record).catch((error: unknown) =>
        // Only a throwing callback of the server (getEndpoint, secrets) gets here: fail visibly, never hang.
        this.#attemptWithoutRequest(`delivery engine error: ${error instanceof Error ? error.message : String(error)}`),
      )
    })
    this.#runEnded(record)
    try {
      if (result !== undefined && !record.cancelled) this.#conclude(record, result)
    } finally {
      this.#resolveIdle()
    }
  }

  async #attempt(record: DeliveryRecord): Promise<AttemptResult> {
    const { delivery, body } = record
    const endpoint = this.#options.getEndpoint(delivery.endpoint_id)
    if (endpoint === undefined) return this.#attemptWithoutRequest('endpoint deleted')
    if (!endpoint.active) return this.#attemptWithoutRequest('endpoint disabled')
    return sendAttempt(this.#context, {
      url: endpoint.url,
      secrets: endpoint.secrets(),
      eventId: delivery.event_id,
      body,
      inFlight: this.#inFlight,
    })
  }

  #attemptWithoutRequest(error: string): AttemptResult {
    const at = new Date(this.#options.clock.now()).toISOString()
    return { attempt: { at, status_code: null, error, duration_ms: 0, response_body_excerpt: null }, verdict: 'stop' }
  }

  /** Records an attempt and decides what comes next: done, the next retry, or the endpoint disabled. */
  #conclude(record: DeliveryRecord, { attempt, verdict }: AttemptResult): void {
    const { clock, failingWindowMs, logger } = this.#options
    const { delivery } = record
    const endpointId = delivery.endpoint_id
    const now = clock.now()
    appendAttempt(delivery, attempt, now)
    let disable: EndpointDisabledReason | undefined
    if (verdict === 'succeeded') {
      this.#failing.clear(endpointId)
      markDone(delivery, 'succeeded', now)
    } else if (verdict === 'gone') {
      this.#failing.clear(endpointId)
      disable = 'gone'
      markDone(delivery, 'failed', now)
    } else if (verdict === 'retry' && this.#failing.failed(endpointId, now)) {
      disable = 'failing'
      markDone(delivery, 'failed', now)
    } else if (verdict === 'retry' && record.retriesLeft > 0) {
      this.#scheduleRetry(record, now)
    } else {
      markDone(delivery, 'failed', now)
    }
    this.#options.onChange?.(delivery.id)
    this.#waiters.notify(delivery)
    logger?.(
      `→ ${delivery.id} ${delivery.event_type} ${endpointId} ${attempt.status_code ?? attempt.error} ` +
        `${attempt.duration_ms}ms attempt ${delivery.attempts.length}`,
    )
    if (disable === 'failing') logger?.(`✕ ${endpointId} disabled: every attempt failed for ${failingWindowMs} ms`)
    if (disable !== undefined) this.#options.disableEndpoint(endpointId, disable)
  }

  /** The record is no longer busy; idle waiters are told once what follows from the run is settled too. */
  #runEnded(record: DeliveryRecord): void {
    record.busy = false
    this.#busy--
  }

  #resolveIdle(): void {
    if (this.#busy > 0) return
    const waiters = this.#idleWaiters
    this.#idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  #describeLatest(): string {
    const latest = this.#log.list().slice(-5)
    if (latest.length === 0) return 'No deliveries yet.'
    const lines = latest.map((d) => {
      const last = d.attempts.at(-1)
      const lastOutcome = last === undefined ? 'no attempt yet' : `last: ${last.status_code ?? last.error}`
      return `${d.id} ${d.event_type} → ${d.endpoint_id} ${d.status} (${d.attempts.length} attempts, ${lastOutcome})`
    })
    return `Latest deliveries:\n  ${lines.join('\n  ')}`
  }
}
