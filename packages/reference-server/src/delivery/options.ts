import type { WebhookEndpoint } from '@octopuspro/contract'
import { createIdGenerator, type IdGenerator } from '@octopuspro/contract/ids'
import { type Clock, systemClock } from '../clock.js'
import { nodeHttpTransport } from './node-transport.js'
import { defaultRetrySchedule } from './retry-schedule.js'
import { type DeliveryTransport, fetchTransport } from './transport.js'

/**
 * Why the engine asks the server to disable an endpoint: every attempt failing for the window, or a 410 Gone.
 *
 * @example `disableEndpoint(id, 'gone')`
 */
export type EndpointDisabledReason = NonNullable<WebhookEndpoint['disabled_reason']>

/**
 * What the delivery engine needs to know about an endpoint, looked up again at every attempt (it may have been
 * deleted, deactivated or given a new secret since the event).
 *
 * @example
 * ```ts
 * const endpoint: EndpointForDelivery = {
 *   id: 'whk_1',
 *   url: 'http://127.0.0.1:3000/hook',
 *   active: true,
 *   secrets: () => [secret],
 * }
 * ```
 */
export interface EndpointForDelivery {
  id: string
  url: string
  active: boolean
  /** The signing secrets valid now: the current one, plus a rotated-out one still inside its overlap. */
  secrets(): readonly string[]
}

/**
 * Options of the {@link DeliveryEngine}. Only `userAgent`, `getEndpoint` and `disableEndpoint` are required; the
 * rest default to the wire contract §4.
 *
 * @example
 * ```ts
 * new DeliveryEngine({
 *   userAgent: 'OctopusPro-Webhooks/0.1.0',
 *   retrySchedule: [10, 50], jitter: 0, timeoutMs: 200,
 *   getEndpoint: (id) => endpoints.get(id),
 *   disableEndpoint: (id, reason) => store.disable(id, reason),
 * })
 * ```
 */
export interface DeliveryEngineOptions {
  /** Every timestamp, delay and duration comes from it (default {@link systemClock}). */
  clock?: Clock
  /** Makes the `dlv_` ids (default: time-sortable ids on `clock`). */
  ids?: IdGenerator
  /**
   * Sends the requests through this fetch (e.g. one msw intercepts); default: node:http with keep-alive, much faster.
   */
  fetch?: typeof fetch
  /** Milliseconds between attempts after the first (default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). */
  retrySchedule?: readonly number[]
  /** An attempt that has no response within this many ms fails (default 15000). */
  timeoutMs?: number
  /** Each retry delay is moved by up to this fraction of itself, either way (0–1, default 0.1). */
  jitter?: number
  /** The source of jitter: a number in [0, 1) (default `Math.random`). */
  random?: () => number
  /** An endpoint whose attempts have all failed for this long since its last success is disabled (default 5 days). */
  failingWindowMs?: number
  /** At most this many attempts in flight per endpoint; the rest wait their turn (default 10). */
  concurrencyPerEndpoint?: number
  /** The `user-agent` header, e.g. `OctopusPro-Webhooks/0.1.0`. */
  userAgent: string
  getEndpoint(id: string): EndpointForDelivery | undefined
  disableEndpoint(id: string, reason: EndpointDisabledReason): void
  /** Gets one line per attempt, e.g. `→ dlv_… booking.created whk_… 200 12ms attempt 1`. */
  logger?: (line: string) => void
  /** Told the id of every delivery that was created or changed (the data dir writes it). */
  onChange?: (deliveryId: string) => void
}

/**
 * The options with every default filled in and checked; `transport` sends the requests.
 *
 * @example `resolveDeliveryOptions(options).transport.send(request)`
 */
export type ResolvedDeliveryOptions = Required<Omit<DeliveryEngineOptions, 'logger' | 'fetch' | 'onChange'>> &
  Pick<DeliveryEngineOptions, 'logger' | 'onChange'> & { transport: DeliveryTransport }

/** The longest delay a platform timer can wait (2^31 - 1 ms, about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647

/**
 * Fills in the defaults and rejects impossible values with a `RangeError` that says what to pass instead.
 *
 * @example
 * ```ts
 * resolveDeliveryOptions({ userAgent, getEndpoint, disableEndpoint }).timeoutMs // 15000
 * ```
 */
export function resolveDeliveryOptions(options: DeliveryEngineOptions): ResolvedDeliveryOptions {
  const clock = options.clock ?? systemClock
  const resolved: ResolvedDeliveryOptions = {
    ...options,
    clock,
    ids: options.ids ?? createIdGenerator({ now: () => clock.now() }),
    transport: options.fetch ? fetchTransport(options.fetch) : nodeHttpTransport(),
    retrySchedule: options.retrySchedule ?? defaultRetrySchedule,
    timeoutMs: options.timeoutMs ?? 15_000,
    jitter: options.jitter ?? 0.1,
    random: options.random ?? Math.random,
    failingWindowMs: options.failingWindowMs ?? 5 * 24 * 60 * 60 * 1000,
    concurrencyPerEndpoint: options.concurrencyPerEndpoint ?? 10,
  }
  check(
    resolved.jitter >= 0 && resolved.jitter <= 1,
    `jitter is ${resolved.jitter}; pass a fraction from 0 (none) to 1`,
  )
  const longestDelay = Math.floor(MAX_TIMER_MS / (1 + resolved.jitter))
  for (const [index, delay] of resolved.retrySchedule.entries()) {
    check(
      Number.isFinite(delay) && delay >= 0 && delay * (1 + resolved.jitter) <= MAX_TIMER_MS,
      `retrySchedule[${index}] is ${delay}; every entry is a delay in ms from 0 to ${longestDelay} (e.g. [5000, ` +
        `300000])`,
    )
  }
  check(
    resolved.timeoutMs > 0 && resolved.timeoutMs <= MAX_TIMER_MS,
    `timeoutMs is ${resolved.timeoutMs}; pass a number of ms > 0 (e.g. 15000)`,
  )
  check(
    resolved.failingWindowMs >= 0,
    `failingWindowMs is ${resolved.failingWindowMs}; pass a number of ms ≥ 0 (e.g. 432000000 for 5 days)`,
  )
  check(
    Number.isInteger(resolved.concurrencyPerEndpoint) && resolved.concurrencyPerEndpoint >= 1,
    `concurrencyPerEndpoint is ${resolved.concurrencyPerEndpoint}; pass a whole number ≥ 1 (e.g. 10)`,
  )
  return resolved
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(`DeliveryEngine: ${message}`)
}
