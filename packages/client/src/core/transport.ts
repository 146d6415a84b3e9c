import type { RouteDefinition } from '@octopuspro/contract'
import ky, { type Hooks as KyHooks, type Options as KyOptions } from 'ky'
import { APIConnectionError } from '../errors/api-connection-error.js'
import { APIError } from '../errors/api-error.js'
import { APIUserAbortError } from '../errors/api-user-abort-error.js'
import { OctopusProError } from '../errors/octopuspro-error.js'
import { randomId } from '../internal/random-id.js'
import { sleep } from '../internal/sleep.js'
import { routePath } from './path.js'
import { readResponse } from './read-response.js'
import { isRetryable, retryDelay } from './retry.js'
import { translateError } from './translate-error.js'
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

/**
 * Sends calls described by route-table entries: one ky request per attempt (ky's own retry off), retried here on
 * connection errors, timeouts, 408, 409 `idempotency_key_in_use`, 429 and 5xx with backoff or `Retry-After`;
 * every POST carries one `Idempotency-Key` for all its attempts. Errors are translated in one place
 * ({@link translateError}). The API key lives in a private field and is only ever written into the
 * `Authorization` header.
 *
 * @example
 * ```ts
 * const { data } = await transport.send(routes.customers.get, { id: 'cus_1' })
 * ```
 */
export class Transport {
  readonly #config: TransportConfig
  /** Whether ky needs hooks at all: bridging costs a little on every request. */
  readonly #bridgesHooks: boolean

  constructor(config: TransportConfig) {
    this.#config = config
    this.#bridgesHooks = (config.hooks.beforeRequest?.length ?? 0) + (config.hooks.afterResponse?.length ?? 0) > 0
  }

  async send(route: RouteDefinition, params: CallParams, options: RequestOptions = {}): Promise<WithResponse<unknown>> {
    const { method } = route
    const path = routePath(route.path, params.id)
    const url = this.#config.baseUrl + path + queryString(params.query)
    const idempotencyKey = options.idempotencyKey ?? (method === 'POST' ? randomId() : undefined)
    const request: KyOptions = {
      method,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${this.#config.apiKey}`,
        ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
        ...options.headers,
      },
      json: params.body,
      retry: 0,
      timeout: false,
    }
    const maxRetries = options.maxRetries ?? this.#config.maxRetries
    for (let attempt = 1; ; attempt++) {
      const info: AttemptInfo = { method, path, attempt }
      const started = performance.now()
      try {
        const result = await this.#attempt(route, url, request, info, options)
        this.#log('info', info, { status: result.response.status, durationMs: performance.now() - started, requestId: result.requestId })
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
        for (const hook of this.#config.hooks.onRetry ?? []) await hook({ ...info, error, delayMs, retriesLeft: retriesLeft - 1 })
        await sleep(delayMs, options.signal)
      }
    }
  }

  /** One attempt under its own deadline; rejects with a translated error. */
  async #attempt(route: RouteDefinition, url: string, request: KyOptions, info: AttemptInfo, options: RequestOptions): Promise<WithResponse<unknown>> {
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
      const work = (async () => {
        const response = await ky(url, {
          ...request,
          fetch: (input, init) => this.#fetch(input as Request, { ...init, signal: controller.signal }),
          ...(this.#bridgesHooks ? { hooks: this.#hooks(info) } : {}),
        })
        const data = await readResponse(response, route, info, this.#config.validateResponses)
        return { data, response, requestId: response.headers.get('x-request-id') ?? undefined }
      })()
      return await untilAborted(work, controller.signal)
    } catch (thrown) {
      throw await translateError(thrown, { timedOut, timeout, signal, apiKey: this.#config.apiKey })
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', abort)
    }
  }

  /**
   * Sends through the configured `fetch` with the attempt's signal in `init` (not in ky's options, which would
   * combine signals on every request); a failed `fetch` (no answer at all) becomes an `APIConnectionError` right
   * where it happens. ky always passes a `Request`, which is what handlers such as `server.fetch` take.
   */
  #fetch(request: Request, init: RequestInit): Promise<Response> {
    return (this.#config.fetch ?? globalThis.fetch)(request, init).catch((cause: unknown) => {
      throw new APIConnectionError({ cause })
    })
  }

  /** Bridges the user's hooks onto ky's, with one state object per call. */
  #hooks(info: AttemptInfo): KyHooks {
    const { beforeRequest = [], afterResponse = [] } = this.#config.hooks
    const started = performance.now()
    return {
      beforeRequest: beforeRequest.map((hook) => async (request: Request) => void (await hook({ ...info, request }))),
      afterResponse: afterResponse.map((hook) => async (request: Request, _options: unknown, response: Response) => {
        const durationMs = performance.now() - started
        await hook({ ...info, request, response: response.clone(), durationMs, requestId: response.headers.get('x-request-id') ?? undefined })
      }),
    }
  }

  #log(level: keyof Logger, info: AttemptInfo, outcome: Omit<LogFields, keyof AttemptInfo>, note?: string): void {
    const log = this.#config.logger?.[level]
    if (!log) return
    const measured = { ...outcome, durationMs: outcome.durationMs === undefined ? undefined : Math.round(outcome.durationMs) }
    const fields: LogFields = { ...info, ...Object.fromEntries(Object.entries(measured).filter(([, value]) => value !== undefined)) }
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
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) params.append(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}
