import type { Context } from 'hono'
import type { APIError } from '../api-error.js'
import type { AppEnv } from './route-handler.js'

/**
 * Marks the responses built here, which already carry `x-request-id` and the rate-limit headers (a property, not a
 * WeakSet: a weak entry per request costs more than it saves).
 */
const stamped = Symbol('stamped')

/**
 * A JSON response from an already serialized body (stored idempotent responses are replayed byte for byte), with
 * the request id and the rate-limit headers set at construction: a header added to a response afterwards makes
 * @hono/node-server convert its headers to an undici `Headers` on every request. `headers` win over the rate-limit
 * headers (a 429 has its own).
 *
 * @example
 * ```ts
 * return jsonResponse(c, 200, JSON.stringify(customer))
 * ```
 */
export function jsonResponse(
  c: Context<AppEnv>,
  status: number,
  body: string,
  headers?: Record<string, string>,
): Response {
  const response: Response & { [stamped]?: true } = new Response(body, {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-request-id': c.get('requestId'),
      ...c.get('rateLimitHeaders'),
      ...headers,
    },
  })
  response[stamped] = true
  return response
}

/**
 * Gives a response not built by {@link jsonResponse} (a mounted handler's) its request id and rate-limit headers.
 *
 * @example
 * ```ts
 * await next()
 * stampResponse(c)
 * ```
 */
export function stampResponse(c: Context<AppEnv>): void {
  if (stamped in c.res) return
  const { headers } = c.res
  headers.set('x-request-id', c.get('requestId'))
  for (const [name, value] of Object.entries(c.get('rateLimitHeaders') ?? {}))
    if (!headers.has(name)) headers.set(name, value)
}

/** The wire contract's error body of an {@link APIError}, serialized. @example `errorBody(error, 'req_1')` */
export function errorBody(error: APIError, requestId: string): string {
  return JSON.stringify(error.toBody(requestId))
}

/** The response of an {@link APIError}. @example `return errorResponse(c, error)` */
export function errorResponse(c: Context<AppEnv>, error: APIError): Response {
  return jsonResponse(c, error.status, errorBody(error, c.get('requestId')), error.headers)
}
