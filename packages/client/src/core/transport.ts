import type { RouteDefinition } from '@octopuspro/contract'
import { APIConnectionError } from '../errors/api-connection-error.js'
import { APIError } from '../errors/api-error.js'
import { APIUserAbortError } from '../errors/api-user-abort-error.js'
import { OctopusProError } from '../errors/octopuspro-error.js'
import { randomId } from '../internal/random-id.js'
import { sleep } from '../internal/sleep.js'
import { routePath } from './path.js'
import { readResponse } from './read-response.js'
import { isRetryable, retryDelay } from './retry.js'
import { errorFromResponse, translateError } from './translate-error.js'
import type { AttemptInfo, Fetch, Hooks, LogFields, Logger, RequestOptions, WithResponse } from './types.js'

/** The resolved client settings the transport runs with. */
export interface TransportConfig {
  apiKey: string
  baseUrl: string
  timeout: number
  maxRetries: number
  fetch: Fetch | undefined
  validateResponses: boolean
  hooks: Hooks
  logger: Logger | undefined
}

/** The values of one call: the `{id}` of the path, the JSON body, the query. */
export interface CallParams {
  id?: string | undefined
  body?: unknown
  query?: object | undefined
}

/** What one attempt sends: the URL and the `fetch` init (method, headers, JSON body), the same for every attempt. */
interface Outgoing {
  url: string
  init: { method: string; headers: Record<string, string>; body: string | undefined }
}

/**
 * Sends calls described by route-table entries: one `fetch` per attempt, retried on connection errors, timeouts,
 * 408, 409 `idempotency_key_in_use`, 429 and 5xx with backoff or `Retry-After`; every POST carries one
 * `Idempotency-Key` for all its attempts. Errors are translated in one place ({@link translateError}). The API key
 * lives in a private field and is only ever written into the `Authorization` header.
 *
 * It calls `fetch` itself rather than through ky: on Node 20 ky's per-request work (a `Request` with its own
 * signal, then a `clone()` kept for ky's retries, which this transport does itself) cost a quarter of a call over
 * loopback (bench/README.md, client-get). A `Request` is built only when someone takes one: a custom `fetch`, or a
 * hook. The global `fetch` gets the URL and init and builds its own, once.
 *
 * @example
 * ```ts
 * const { data } = await transport.send(routes.customers.get, { id: 'cus_1' })
 * ```
 */
export class Transport {
  readonly #config: TransportConfig
  /** Whether an attempt needs a `Request` object before `fetch`: for a custom `fetch` or for hooks. */
  readonly #buildsRequest: boolean

  constructor(config: TransportConfig) {
    this.#config = config
    const { beforeRequest = [], afterResponse = [] } = config.hooks
    this.#buildsRequest = config.fetch !== undefined || beforeRequest.length + afterResponse.length > 0
  }

  async send(route: RouteDefinition, params: CallParams, options: RequestOptions = {}): Promise<WithResponse<unknown>> {
    const { method } = route
    const path = routePath(route.path, params.id)
    const idempotencyKey = options.idempotencyKey ?? (method === 'POST' ? randomId() : undefined)
    const body = params.body === undefined ? undefined : JSON.stringify(params.body)
    const outgoing: Outgoing = {
      url: this.#config.baseUrl + path + queryString(params.query),
      init: {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${this.#config.apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
          ...options.headers,
        },
        body,
      },
    }
    const maxRetries = options.maxRetries ?? this.#config.maxRetries
    for (let attempt = 1; ; attempt++) {
      const info: AttemptInfo = { method, path, attempt }
      const started = performance.now()
      try {
        const result = await this.#attempt(route, outgoing, info, options)
        this.#log('info', info, {
          status: result.response.status,
          durationMs: performance.now() - started,
          requestId: result.requestId,
        })
        return result
      } catch (error) {
        const outcome = { durationMs: performance.now() - started, ...describeFailure(error) }
        const retriesLeft = maxRetries - attempt + 1
        if (!(error instanceof OctopusProError) || retriesLeft < 1 || !isRetryable(error)) {
          this.#log('error', info, outcome, error instanceof Error ? `${error.name}: ${error.message}` : String(error))
          throw error
        }
        const delayMs = retryDelay(attempt, error instanceof APIError ? error.headers.get('retry-after') : null)
        this.#log('warn', info, { ...outcome, delayMs }, `retrying in ${delayMs}ms`)
        for (const hook of this.#config.hooks.onRetry ?? [])
          await hook({ ...info, error, delayMs, retriesLeft: retriesLeft - 1 })
        await sleep(delayMs, options.signal)
      }
    }
  }

  /** One attempt under its own deadline; rejects with a translated error. */
  async #attempt(
    route: RouteDefinition,
    outgoing: Outgoing,
    info: AttemptInfo,
    options: RequestOptions,
  ): Promise<WithResponse<unknown>> {
    const { signal } = options
    if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason })
    const timeout = options.timeout ?? this.#config.timeout
    const controller = new AbortController()
    const abort = () => controller.abort()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      abort()
    }, timeout)
    signal?.addEventListener('abort', abort, { once: true })
    this.#log('debug', info, {})
    try {
      const work = this.#exchange(route, outgoing, controller.signal, info)
      // The global fetch rejects, body included, when its signal aborts; a custom one may ignore it.
      return await (this.#config.fetch ? untilAborted(work, controller.signal) : work)
    } catch (thrown) {
      throw await translateError(thrown, { timedOut, timeout, signal, apiKey: this.#config.apiKey })
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', abort)
    }
  }

  /** Sends one attempt and reads its answer: the data of a 2xx, or the `APIError` of any other status. */
  async #exchange(
    route: RouteDefinition,
    outgoing: Outgoing,
    signal: AbortSignal,
    info: AttemptInfo,
  ): Promise<WithResponse<unknown>> {
    const response = await this.#fetch(outgoing, signal, info)
    if (!response.ok) throw await errorFromResponse(response)
    const data = await readResponse(response, route, info, this.#config.validateResponses)
    return { data, response, requestId: response.headers.get('x-request-id') ?? undefined }
  }

  /**
   * Calls `fetch` and runs the hooks around it; a `fetch` that throws (no answer at all) becomes an
   * `APIConnectionError`. A custom `fetch` takes a `Request` (what handlers such as `server.fetch` take) and the
   * attempt's signal in `init`.
   */
  async #fetch({ url, init }: Outgoing, signal: AbortSignal, info: AttemptInfo): Promise<Response> {
    if (!this.#buildsRequest) return answered(globalThis.fetch(url, { ...init, signal }))
    const { beforeRequest = [], afterResponse = [] } = this.#config.hooks
    const request = new Request(url, init)
    for (const hook of beforeRequest) await hook({ ...info, request })
    const started = performance.now()
    const response = await answered((this.#config.fetch ?? globalThis.fetch)(request, { signal }))
    const durationMs = performance.now() - started
    const requestId = response.headers.get('x-request-id') ?? undefined
    for (const hook of afterResponse)
      await hook({ ...info, request, response: response.clone(), durationMs, requestId })
    return response
  }

  #log(level: keyof Logger, info: AttemptInfo, outcome: Omit<LogFields, keyof AttemptInfo>, note?: string): void {
    const log = this.#config.logger?.[level]
    if (!log) return
    const measured = {
      ...outcome,
      durationMs: outcome.durationMs === undefined ? undefined : Math.round(outcome.durationMs),
    }
    const fields: LogFields = {
      ...info,
      ...Object.fromEntries(Object.entries(measured).filter(([, value]) => value !== undefined)),
    }
    const parts = [
      info.method,
      info.path,
      fields.status ?? fields.errorCode,
      fields.durationMs === undefined ? undefined : `${fields.durationMs}ms`,
      fields.requestId,
      `(attempt ${info.attempt})${note ? `: ${note}` : ''}`,
    ]
    log.call(this.#config.logger, parts.filter((part) => part !== undefined).join(' '), fields)
  }
}

function describeFailure(error: unknown): Pick<LogFields, 'status' | 'requestId' | 'errorCode'> {
  if (error instanceof APIError) return { status: error.status, requestId: error.requestId, errorCode: error.code }
  return { errorCode: error instanceof OctopusProError ? error.code : undefined }
}

/** The response of a `fetch`; a `fetch` that throws (no answer at all) becomes an `APIConnectionError`. */
async function answered(sent: Promise<Response>): Promise<Response> {
  try {
    return await sent
  } catch (cause) {
    throw new APIConnectionError({ cause })
  }
}

/** Rejects as soon as `signal` aborts, even when a custom `fetch` ignores it (in-process handlers often do). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    // Removed once settled: the signal can outlive the attempt (fetch follows it), and a listener left on it would
    // keep every page it answered reachable, promoted to the old space (100 MB over a 100k-item walk).
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function queryString(query: object | undefined): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null) params.append(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}
