import { APIError } from '../api-error.js'
import type { State } from '../state.js'

/** A token bucket: `limit` requests, refilled evenly over `windowMs`. */
export interface RateLimit {
  limit: number
  windowMs: number
}

/**
 * Takes one token from the API key's bucket. Returns the `x-ratelimit-*` headers (limit, tokens left, unix second
 * at which the bucket is full again); throws `429 rate_limited` with `Retry-After` when the bucket is empty.
 */
export function takeToken(state: State, rate: RateLimit, keyId: string, nowMs: number): Record<string, string> {
  const perMs = rate.limit / rate.windowMs
  const bucket = state.rateBuckets.get(keyId) ?? { tokens: rate.limit, updatedAt: nowMs }
  const tokens = Math.min(rate.limit, bucket.tokens + (nowMs - bucket.updatedAt) * perMs)
  const allowed = tokens >= 1
  const left = allowed ? tokens - 1 : tokens
  state.rateBuckets.set(keyId, { tokens: left, updatedAt: nowMs })
  const headers = {
    'x-ratelimit-limit': String(rate.limit),
    'x-ratelimit-remaining': String(Math.floor(left)),
    'x-ratelimit-reset': String(Math.ceil((nowMs + (rate.limit - left) / perMs) / 1000)),
  }
  if (allowed) return headers
  const retryAfter = Math.max(1, Math.ceil((1 - left) / perMs / 1000))
  throw new APIError(
    'rate_limited',
    `Too many requests for this API key (${rate.limit} per ${rate.windowMs} ms); retry after ${retryAfter} s`,
    {
      headers: { ...headers, 'retry-after': String(retryAfter) },
    },
  )
}
