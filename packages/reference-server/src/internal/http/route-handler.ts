import { type ListPage, parseFast, type RouteEntry } from '@octopuspro/contract'
import type { Context } from 'hono'
import { APIError, isAPIError, resourceMissing } from '../api-error.js'
import type { RouteHandlerFunction } from '../handlers/types.js'
import type { Runtime } from '../runtime.js'
import { authenticate } from './authenticate.js'
import { claimIdempotencyKey, type StoredResponse } from './idempotency.js'
import { takeToken } from './rate-limit.js'
import { readJsonBody } from './read-body.js'
import { type RequestView, requestView } from './request-view.js'
import { errorBody, jsonResponse } from './respond.js'
import { pageJson, storedJson } from './serialize.js'
import { parseInput } from './validate.js'

/** The per-request values the app keeps on hono's context. */
export interface AppEnv {
  /**
   * A door's own reading of the request's headers and body (the port door reads the Node request, which is faster
   * than the web `Request` @hono/node-server makes of it); without one, the web `Request` is read.
   */
  Bindings: { view?: RequestView } | undefined
  Variables: { requestId: string; rateLimitHeaders: Record<string, string> | undefined }
}

function parseId(entry: RouteEntry, raw: string | undefined): string | undefined {
  const schema = entry.definition.id
  if (!schema || raw === undefined) return undefined
  if (parseFast(schema, raw).success) return raw
  throw resourceMissing(entry.definition.label, raw, entry.definition.path.split('/{id}')[0] ?? '')
}

/** The query of a request from its raw search string (no `?`). */
function parseQuery(entry: RouteEntry, search: string): unknown {
  const query = search === '' ? {} : Object.fromEntries(new URLSearchParams(search))
  if (entry.definition.query) return parseInput(entry.definition.query, query, 'query')
  const [first] = Object.keys(query)
  if (first !== undefined) {
    throw new APIError(
      'unknown_parameter',
      `${entry.definition.method} /v1${entry.definition.path} takes no query parameters; remove '${first}'`,
      { param: first },
    )
  }
  return undefined
}

function serializer(action: string): (result: unknown) => string {
  if (action === 'get') return storedJson
  if (action === 'list') return (page) => pageJson(page as ListPage<unknown>)
  return JSON.stringify
}

/**
 * One route of the table, end to end: authenticate, rate limit, read-only check, validate id/query/body against
 * the contract, idempotency, injected faults, then the business handler. Handler errors are answers too (and are
 * stored under an Idempotency-Key); anything else is a bug and reaches the app's 500 handler.
 */
export function routeHandler(runtime: Runtime, entry: RouteEntry, handler: RouteHandlerFunction) {
  const { definition } = entry
  const route = `${definition.method} /v1${definition.path}`
  // A get answers with a stored object, a list with a page of them (or fresh views, which are then cached for
  // nothing but still right).
  const serialize = serializer(entry.action)
  return async function handleRoute(c: Context<AppEnv>): Promise<Response> {
    const request = c.req.raw
    const requestId = c.get('requestId')
    const { state } = runtime
    const view = c.env?.view ?? requestView(request)
    const key = authenticate(state, view, runtime.clock.now())
    if (runtime.rateLimit) c.set('rateLimitHeaders', takeToken(state, runtime.rateLimit, key.id, runtime.clock.now()))
    if (definition.method !== 'GET' && key.key.mode === 'read_only') {
      throw new APIError(
        'api_key_read_only',
        `This API key is read_only and cannot ${definition.method} /v1${definition.path}; use a read_write key`,
      )
    }
    const search = request.url.indexOf('?')
    const id = parseId(entry, c.req.param('id'))
    const query = parseQuery(entry, search < 0 ? '' : request.url.slice(search + 1))
    const raw = definition.body ? await readJsonBody(view) : undefined
    const body = definition.body && raw ? parseInput(definition.body, raw.value, 'body') : undefined

    const idempotencyKey = definition.method === 'POST' ? view.header('idempotency-key') : null
    const claim =
      idempotencyKey === null
        ? undefined
        : claimIdempotencyKey(state, {
            apiKeyId: key.id,
            key: idempotencyKey,
            route,
            body: raw?.text ?? '',
            nowMs: runtime.clock.now(),
          })
    if (claim?.replay) return jsonResponse(c, claim.replay.status, claim.replay.body, { 'idempotent-replayed': 'true' })

    let response: StoredResponse
    try {
      const fault = runtime.faults.pick(definition.method, c.req.path)
      if (fault) await fault.delay()
      const early = fault && !fault.rule.after ? fault.error() : undefined
      if (early) {
        claim?.release()
        return jsonResponse(c, early.status, errorBody(early, requestId), early.headers)
      }
      try {
        const result = handler({ id, query, body, call: runtime.call(runtime.clock.now()) })
        response = { status: definition.status, body: serialize(result) }
      } catch (error) {
        if (!isAPIError(error)) throw error
        response = { status: error.status, body: errorBody(error, requestId) }
      }
      claim?.complete(response)
      const late = fault?.rule.after ? fault.error() : undefined
      if (late) return jsonResponse(c, late.status, errorBody(late, requestId), late.headers)
    } catch (error) {
      claim?.release()
      throw error
    }
    return jsonResponse(c, response.status, response.body)
  }
}
