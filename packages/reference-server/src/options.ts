import type { Plan, RouteTable, WebhookDelivery, WebhookEvent } from '@octopuspro/contract'
import type { IdGenerator } from '@octopuspro/contract/ids'
import type { Clock } from './clock.js'
import type { DeliveryEngine, DeliveryEngineOptions, DeliveryListFilter } from './delivery/engine.js'
import type { Fixtures } from './fixtures.js'
import type { ReferenceServerSnapshot } from './snapshot.js'

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
  /**
   * Run the request for real (it takes effect, and its Idempotency-Key stores the real response), then answer the
   * fault: the "response lost" case.
   */
  after?: boolean
}

/**
 * A web handler served by the reference server beside the API, such as the settings page of
 * `@octopuspro/settings-page`: every request to `path`, or under `path/`, goes to `fetch` unchanged (the full URL,
 * any method), on every door — in process, on a port, msw. Its answers get `x-request-id` and a log line like the
 * API's.
 *
 * @example
 * ```ts
 * const hello: MountedHandler = { path: '/hello', fetch: (request) => new Response(`hello ${request.method}`) }
 * const server = createReferenceServer({ mount: [hello] })
 * await (await server.fetch(`${server.url}/hello`)).text() // 'hello GET'
 * ```
 */
export interface MountedHandler {
  /** One or more `/segment`s, e.g. `/settings`; not `/v1`, `/health` or `/openapi.json`, nor another mount's. */
  readonly path: string
  /** Answers a request to `path` or under it. */
  fetch(request: Request): Response | Promise<Response>
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
  /**
   * `'empty'` (default), `'demo'` (a realistic, deterministic data set) or your own objects, checked against the
   * contract.
   */
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
  /**
   * How ids are made: your generator, or `'sequential'` (`cus_0000000000000000000001`, …). Default: time-sortable
   * random ids.
   */
  ids?: IdGenerator | 'sequential'
  /** Latency and error injection. */
  faults?: FaultRule[]
  /** Webhook URLs must be https, except for loopback addresses. */
  requireHttps?: boolean
  /** How long events stay listable in `GET /v1/events` (ms of the server clock; default: until `reset()`). */
  eventRetentionMs?: number
  /** Gets one line per request and per delivery attempt; the server prints nothing without it. */
  logger?: (line: string) => void
  /** Web handlers served beside the API, each under its own path (see {@link MountedHandler}). */
  mount?: readonly MountedHandler[]
  /**
   * Keeps the whole state in SQLite in this directory (created if missing; needs the optional peer dependency
   * `better-sqlite3@12`), so a restart — even after the process was killed — loses nothing: objects, API keys,
   * webhook endpoints and their secrets, events, deliveries (a pending retry is sent at its time, or at once if that
   * has passed), idempotent responses and id counters. Every write is in the file before its response is sent. A
   * new dir is seeded from `seed`; a dir with data ignores `seed` and keeps its ready key (`apiKey`, if given, must
   * match it). One server per dir at a time. Without it the server lives in memory only.
   *
   * @example
   * ```ts
   * const server = await startReferenceServer({ port: 4010, dataDir: '.octopuspro', seed: 'demo' })
   * // … later, in a new process: the same objects, keys, endpoints and pending retries
   * const again = await startReferenceServer({ port: 4010, dataDir: '.octopuspro' })
   * ```
   */
  dataDir?: string
  /**
   * A route table to serve instead of the contract's (the contract's with routes added) and, optionally, handlers of
   * the routes it adds, by group and action. Every route of the table is served like the contract's: API key, rate
   * limit, faults, idempotency, its input validated against its schemas (4xx otherwise), its status code.
   *
   * An added route without a handler is served generically when it is a plain resource route: create
   * (`POST /x` with a body, its response an object with `id` and `object`), get (`GET /x/{id}`), list (`GET /x`
   * with `list: true` and `item`), update (`PATCH /x/{id}` with a body) or delete (`DELETE /x/{id}`). The group's
   * objects live in one in-memory collection: ids have the prefix its id schema checks (`^wdg_…`, as `Id(kind)`
   * does) or else the label's letters, `object` is the response schema's literal (or the label), `created_at` and
   * `updated_at` are set, every answer is parsed by the route's response schema (its defaults apply, undeclared
   * fields are left out), an unknown id is a 404 `resource_missing` naming the label, and lists page like the
   * contract's. Generic routes emit no events, whatever their `emits` says, and their objects are in memory only:
   * not in `snapshot()`, not restored by `restore()`, not in `dataDir`, emptied by `reset()`. Any other route
   * without a handler fails at creation with `invalid_option`.
   *
   * @example
   * ```ts
   * const widgets = {
   *   create: route({ method: 'POST', path: '/widgets', summary: 'Create a widget', label: 'widget',
   *     body: WidgetCreate, response: Widget, status: 201, list: false, emits: [] }),
   *   get: route({ method: 'GET', path: '/widgets/{id}', summary: 'Get a widget', label: 'widget',
   *     id: WidgetId, response: Widget, status: 200, list: false, emits: [] }),
   * }
   * const server = createReferenceServer({ routes: { table: { ...routes, widgets } } }) // no handler needed
   * ```
   */
  routes?: { table: RouteTable; handlers?: AddedRouteHandlers }
}

/**
 * The handlers of the routes a `routes` option adds: the validated path id, query and body in (as the route's
 * schemas output them), the route's response object out; an error thrown is a 500.
 *
 * @example
 * ```ts
 * const handlers: AddedRouteHandlers = { widgets: { get: ({ id }) => ({ id, object: 'widget' }) } }
 * ```
 */
export type AddedRouteHandlers = Record<
  string,
  Record<string, (input: { id: unknown; query: unknown; body: unknown }) => unknown>
>

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
    /** The first event that matches, recorded or still to come; `WaitTimeoutError` after `timeout` real ms (5000). */
    waitFor(filter: { type?: string }, options?: { timeout?: number }): Promise<WebhookEvent>
    /** Every event, oldest first. */
    list(): WebhookEvent[]
  }
  faults: {
    add(rule: FaultRule): void
    clear(): void
  }
  /**
   * Back to the seed: objects, events, deliveries, keys, idempotency keys and rate buckets; the ready key stays valid.
   */
  reset(): void
  /**
   * The whole state as a plain value (see {@link ReferenceServerSnapshot}): later writes do not change it, and
   * `restore` can take it any number of times.
   *
   * @example
   * ```ts
   * const ready = server.snapshot() // after the setup every test shares
   * beforeEach(() => server.restore(ready))
   * ```
   */
  snapshot(): ReferenceServerSnapshot
  /**
   * Replaces the whole state with a snapshot's (of this server or one with the same `apiKey`, whose ready key it
   * holds): objects, keys, endpoints, events, deliveries and counters; deliveries pending in it are attempted at
   * their `next_attempt_at` (at once if that has passed). The clock is left alone; rate buckets start afresh; with
   * a data dir, it is written there too. Throws a `snapshot_invalid` error for anything else.
   *
   * @example
   * ```ts
   * server.restore(ready)
   * ```
   */
  restore(snapshot: ReferenceServerSnapshot): void
  /** Stops deliveries (and the port, if listening). */
  close(): Promise<void>
}
