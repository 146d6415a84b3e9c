import { APIConnectionError } from '../errors/api-connection-error.js'
import { APIError } from '../errors/api-error.js'
import type { OctopusProError } from '../errors/octopuspro-error.js'

const initialDelayMs = 500
const maxDelayMs = 8_000
const maxRetryAfterMs = 60_000

/**
 * Whether a failed attempt is worth another: no answer (connection error, timeout), 408, 429, 5xx, or 409
 * `idempotency_key_in_use` (the same POST is still running on the server; a retry gets its stored answer).
 *
 * @example
 * ```ts
 * isRetryable(APIError.generate(503, undefined)) // true
 * ```
 */
export function isRetryable(error: OctopusProError): boolean {
  if (error instanceof APIConnectionError) return true
  if (!(error instanceof APIError)) return false
  const { status, code } = error
  return status === 408 || status === 429 || status >= 500 || (status === 409 && code === 'idempotency_key_in_use')
}

/**
 * The wait before retry number `retry` (1-based): the server's `Retry-After` when it gave one (capped at 60 s),
 * else exponential backoff from 0.5 s doubling to at most 8 s, shortened by up to 25 % of random jitter so
 * clients that failed together do not retry together.
 *
 * @example
 * ```ts
 * retryDelay(1, null)  // 375–500
 * retryDelay(5, null)  // 6000–8000
 * retryDelay(1, '2')   // 2000
 * ```
 */
export function retryDelay(
  retry: number,
  retryAfter: string | null,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const serverDelay = parseRetryAfter(retryAfter, now)
  if (serverDelay !== undefined) return Math.min(serverDelay, maxRetryAfterMs)
  const backoff = Math.min(initialDelayMs * 2 ** (retry - 1), maxDelayMs)
  return Math.round(backoff * (1 - random() * 0.25))
}

/**
 * A `Retry-After` header in milliseconds: delay-seconds (`"2"`, `"0.5"`) or an HTTP date; `undefined` when absent
 * or unreadable.
 *
 * @example
 * ```ts
 * parseRetryAfter('3') // 3000
 * ```
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
