import type { OctopusProError } from '../errors/octopuspro-error.js'

/**
 * A `fetch` function: the global one, a polyfill, or an in-process handler such as the reference server's
 * `server.fetch`, so the client can talk to a server with no port.
 *
 * @example
 * ```ts
 * const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
 * ```
 */
export type Fetch = (request: Request, init?: RequestInit) => Promise<Response>

/**
 * What every hook state says about the attempt.
 *
 * @example `({ method, path, attempt }) => console.log(method, path, attempt)`
 */
export interface AttemptInfo {
  /** The HTTP method, e.g. `POST`. */
  method: string
  /** The path relative to `baseUrl`, without the query, e.g. `/customers/cus_123`. */
  path: string
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number
}

/**
 * The state of a `beforeRequest` hook: the `Request` about to be sent (its headers may be changed).
 *
 * @example `({ request }) => request.headers.set('x-trace-id', traceId())`
 */
export interface BeforeRequestState extends AttemptInfo {
  /** The request about to be sent; set headers on it to change what is sent. */
  request: Request
}

/**
 * The state of an `afterResponse` hook: a clone of the response, whatever its status.
 *
 * @example `({ response, durationMs }) => metrics.observe(response.status, durationMs)`
 */
export interface AfterResponseState extends AttemptInfo {
  /** The request that was sent. */
  request: Request
  /** A clone of the response, whatever its status; its body can be read. */
  response: Response
  /** Time from sending the request to its response headers. */
  durationMs: number
  /** The response's `x-request-id`. */
  requestId: string | undefined
}

/**
 * The state of an `onRetry` hook: the error of the failed attempt and the delay before the next one.
 *
 * @example `({ error, attempt, delayMs }) => console.warn('retry', attempt, 'in', delayMs, 'ms:', error.code)`
 */
export interface RetryState extends AttemptInfo {
  /** Why the attempt failed. */
  error: OctopusProError
  /** How long the client waits before the next attempt. */
  delayMs: number
  /** Retries left after this one. */
  retriesLeft: number
}

/**
 * Functions called around every attempt, in order; each receives one state object (fields may be added in later
 * versions). A hook that throws fails the call with its error.
 *
 * @example
 * ```ts
 * const op = new OctopusPro({
 *   hooks: {
 *     beforeRequest: [({ request }) => request.headers.set('x-trace-id', traceId())],
 *     afterResponse: [({ response, durationMs }) => metrics.observe(response.status, durationMs)],
 *     onRetry: [({ error, attempt, delayMs }) => console.warn(`retry ${attempt} in ${delayMs} ms`, error.code)],
 *   },
 * })
 * ```
 */
export interface Hooks {
  /** Called before each attempt is sent. */
  beforeRequest?: Array<(state: BeforeRequestState) => void | Promise<void>>
  /** Called when an attempt gets a response, whatever its status. */
  afterResponse?: Array<(state: AfterResponseState) => void | Promise<void>>
  /** Called when a failed attempt is about to be retried. */
  onRetry?: Array<(state: RetryState) => void | Promise<void>>
}

/**
 * The structured fields of a log line. The API key is never among them.
 *
 * @example `logger: { info: (message, fields) => pino.info(fields, message) }`
 */
export interface LogFields {
  /** The HTTP method. */
  method: string
  /** The path relative to `baseUrl`, without the query. */
  path: string
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number
  /** The response status, when there was a response. */
  status?: number | undefined
  /** How long the attempt took, in whole milliseconds. */
  durationMs?: number | undefined
  /** The response's request id. */
  requestId?: string | undefined
  /** The wait before the retry, on `warn` lines. */
  delayMs?: number | undefined
  /** The error's `code`, when the attempt failed. */
  errorCode?: string | undefined
}

/**
 * Where the client logs: `console`, pino, winston… Each line is one attempt: `debug` when it starts, `info` when it
 * succeeds, `warn` when it is retried, `error` when the call fails for good.
 *
 * @example
 * ```ts
 * const op = new OctopusPro({ logger: console })
 * // info: POST /customers 201 12ms req_01j… (attempt 1)
 * ```
 */
export interface Logger {
  /** An attempt starts. */
  debug?(message: string, fields: LogFields): void
  /** An attempt succeeded. */
  info?(message: string, fields: LogFields): void
  /** An attempt failed and will be retried. */
  warn?(message: string, fields: LogFields): void
  /** The call failed for good. */
  error?(message: string, fields: LogFields): void
}

/**
 * The options of `new OctopusPro(…)`.
 *
 * @example
 * ```ts
 * const op = new OctopusPro({
 *   apiKey: process.env.OCTOPUSPRO_API_KEY,
 *   baseUrl: 'https://api.example.com/v1',
 *   maxRetries: 3,
 * })
 * ```
 */
export interface ClientOptions {
  /** The API key (`opk_…`). Default: the `OCTOPUSPRO_API_KEY` environment variable. */
  apiKey?: string | undefined
  /** The API's base URL, including `/v1`. Default: the `OCTOPUSPRO_BASE_URL` environment variable. */
  baseUrl?: string | undefined
  /** Milliseconds one attempt may take, response body included. Default 60 000. */
  timeout?: number | undefined
  /** Retries after a connection error, timeout, 408, 409 `idempotency_key_in_use`, 429 or 5xx. Default 2. */
  maxRetries?: number | undefined
  /** The `fetch` to use. Default: the global `fetch`, looked up at each request. */
  fetch?: Fetch | undefined
  /**
   * Parse every response with the contract's schema and throw `ResponseValidationError` on a mismatch. Default `true`.
   */
  validateResponses?: boolean | undefined
  /** Functions called around every attempt. */
  hooks?: Hooks | undefined
  /** Where to log one line per attempt. Silent by default. */
  logger?: Logger | undefined
}

/**
 * Options of one call, overriding the client's.
 *
 * @example
 * ```ts
 * await op.customers.create({ name: 'Ada' }, { idempotencyKey: orderId, timeout: 5_000, maxRetries: 5 })
 * ```
 */
export interface RequestOptions {
  /** Cancels the call (and its retries); the call rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined
  /** Milliseconds one attempt may take. */
  timeout?: number | undefined
  /** Retries for this call. */
  maxRetries?: number | undefined
  /** The `Idempotency-Key` of a POST; generated once per call (and reused by its retries) when absent. */
  idempotencyKey?: string | undefined
  /** Extra request headers. */
  headers?: Record<string, string> | undefined
}

/**
 * The result of `.withResponse()`: the parsed data, the raw `Response` (body already read) and its request id.
 *
 * @example
 * ```ts
 * const { data, response, requestId } = await op.customers.get(id).withResponse()
 * response.headers.get('x-ratelimit-remaining')
 * ```
 */
export interface WithResponse<T> {
  /** The parsed data, as `await` gives it. */
  data: T
  /** The raw response; its body has been read. */
  response: Response
  /** The response's `x-request-id`, to quote to support. */
  requestId: string | undefined
}
