import type { IdGenerator, Plan, WebhookDelivery, WebhookEvent } from '@octopuspro/contract'
import type { Clock } from './clock.js'
import type { DeliveryEngine, DeliveryEngineOptions, DeliveryListFilter } from './delivery/engine.js'
import type { Fixtures } from './fixtures.js'

/**
 * A latency and/or error injected into matching requests, so client retry logic can be tested.
 *
 * @example
 * ```ts
 * // The first two customer creates answer 503; the client's retries get through.
 * const rule: FaultRule = { match: 'POST /v1/customers', status: 503, times: 2 }
 * // The response is lost after the customer was created: a retry with the same Idempotency-Key replays it.
 * const lost: FaultRule = { match: 'POST /v1/customers', status: 502, after: true, times: 1 }
 * ```
 */
export interface FaultRule {
  /**
   * `'METHOD /path'` or just `'/path'` (any method); `*` matches any characters, so `'GET /v1/customers/*'`
   * matches every customer and `'*'` every API request.
   */
  match: string
  /** Answer this status (400–599) with an `injected_fault` error body instead of the real response. */
  status?: number
  /** The chance (0–1, default 1) that a matching request is hit. */
  rate?: number
  /** Wait this long (or a random time in `[min, max]`) on the server's clock before handling the request. */
  latencyMs?: number | [number, number]
  /** Apply at most this many times, then forget the rule. */
  times?: number
  /** Run the request for real (it takes effect, and its Idempotency-Key stores the real response), then answer the fault: the "response lost" case. */
  after?: boolean
}

/**
 * Options of {@link createReferenceServer} and {@link startReferenceServer}; every one is optional.
 *
 * @example
 * ```ts
 * const server = createReferenceServer({
 *   seed: 'demo',
 *   ids: 'sequential',
 *   clock: manualClock('2026-11-27T10:00:00.000Z'),
 *   delivery: { retrySchedule: [10, 50], timeoutMs: 500 },
 * })
 * ```
 */
export interface ReferenceServerOptions {
  /** `'empty'` (default), `'demo'` (a realistic, deterministic data set) or your own objects, checked against the contract. */
  seed?: 'empty' | 'demo' | Fixtures
  /** The secret of the ready read_write key (`opk_` + 40 base62 characters); generated when absent. */
  apiKey?: string
  /** The account of every key (default: plan `growth`, timezone `UTC`, currency `usd`). */
  account?: Partial<{ name: string; plan: Plan; timezone: string; currency: string }>
  /** A token bucket per API key: `limit` requests per `windowMs` (default 1000). Off unless given. */
  rateLimit?: { limit: number; windowMs?: number } | false
  /** How webhooks are delivered: retry schedule (ms), timeout, jitter, failing window, concurrency, fetch. */
  delivery?: Partial<
    Pick<
      DeliveryEngineOptions,
      'retrySchedule' | 'timeoutMs' | 'jitter' | 'failingWindowMs' | 'concurrencyPerEndpoint' | 'fetch'
    >
  >
  /** Where time comes from (default the system clock); a `manualClock()` makes timestamps and retries exact. */
  clock?: Clock
  /** How ids are made: your generator, or `'sequential'` (`cus_0000000000000000000001`, …). Default: time-sortable random ids. */
  ids?: IdGenerator | 'sequential'
  /** Latency and error injection. */
  faults?: FaultRule[]
  /** Webhook URLs must be https, except for loopback addresses. */
  requireHttps?: boolean
  /** How long events stay listable in `GET /v1/events` (ms of the server clock; default: until `reset()`). */
  eventRetentionMs?: number
  /** Gets one line per request and per delivery attempt; the server prints nothing without it. */
  logger?: (line: string) => void
  /** A directory where the server keeps its state across restarts (default: memory only). */
  dataDir?: string
}

/**
 * Options of {@link startReferenceServer}: the server options plus where to listen.
 *
 * @example
 * ```ts
 * const server = await startReferenceServer({ port: 0, host: '127.0.0.1' })
 * ```
 */
export interface StartReferenceServerOptions extends ReferenceServerOptions {
  /** The port (default 0: any free port). */
  port?: number
  /** The interface (default `127.0.0.1`). */
  host?: string
}

/**
 * A running reference server: the whole OctopusPro API in memory.
 *
 * @example
 * ```ts
 * const server = createReferenceServer()
 * const res = await server.fetch(new Request(`${server.baseUrl}/customers`, {
 *   method: 'POST',
 *   headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
 *   body: JSON.stringify({ name: 'Ada' }),
 * }))
 * const delivery = await server.deliveries.waitFor({ type: 'customer.created', status: 'succeeded' })
 * await server.close()
 * ```
 */
export interface ReferenceServer {
  /** The origin, e.g. `http://127.0.0.1:4010` (`http://octopuspro.test` in process). */
  url: string
  /** `${url}/v1`: what a client takes as its base URL. */
  baseUrl: string
  /** The secret of the ready read_write API key. */
  apiKey: string
  /** The app as a fetch function, in process (no port needed): pass it as a client's `fetch`. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>
  clock: Clock
  /** The delivery log: wait for a delivery, list them, wait until nothing is in flight. */
  deliveries: {
    waitFor: DeliveryEngine['waitFor']
    list(filter?: DeliveryListFilter): WebhookDelivery[]
    idle(): Promise<void>
  }
  /** The event log. */
  events: {
    /** The first event that matches, already recorded or still to come; rejects after `timeout` real ms (default 5000). */
    waitFor(filter: { type?: string }, options?: { timeout?: number }): Promise<WebhookEvent>
    /** Every event, oldest first. */
    list(): WebhookEvent[]
  }
  faults: {
    add(rule: FaultRule): void
    clear(): void
  }
  /** Back to the seed: objects, events, deliveries, keys, idempotency keys and rate buckets; the ready key stays valid. */
  reset(): void
  /** Stops deliveries (and the port, if listening). */
  close(): Promise<void>
}
