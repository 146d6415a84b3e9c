import { listRoutes, openapi, routes } from '@octopuspro/contract'
import { Hono } from 'hono'
import { ReferenceServerError } from '../../errors.js'
import { APIError, isAPIError } from '../api-error.js'
import { genericHandler } from '../handlers/generic-routes.js'
import { handlers } from '../handlers/index.js'
import type { RouteHandlerFunction } from '../handlers/types.js'
import { isoTime } from '../iso-time.js'
import type { Runtime } from '../runtime.js'
import { mountHandler } from './mounts.js'
import { errorResponse, jsonResponse, stampResponse } from './respond.js'
import { type AppEnv, routeHandler } from './route-handler.js'
import { methodsByPath, toAppPath } from './route-matcher.js'

const requestLogPath = `/v1${routes.requestLogs.list.path}`

/**
 * The web-standard app behind every door (in-process fetch, node:http, msw): every route of the served table
 * mounted with its handler (an added plain resource route without one is served generically), plus `/health`,
 * `/openapi.json` and the handlers of the `mount` option. Every response carries `x-request-id`.
 */
export function createApp(runtime: Runtime): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  let document: string | undefined

  app.use('*', async function requestLifecycle(c, next) {
    const { logger } = runtime
    const started = performance.now()
    const requestId = runtime.requestIds('request')
    c.set('requestId', requestId)
    await next()
    // Durable before the response goes out: a process killed right after it loses nothing.
    runtime.persist()
    stampResponse(c)
    const { pathname } = new URL(c.req.url)
    // Reads of the request log are left out of it (and of the log lines): following the log must not fill it.
    if (pathname === requestLogPath) return
    const durationMs = Math.round(performance.now() - started)
    runtime.state.requestLog.add({
      id: requestId,
      object: 'request_log_entry',
      method: c.req.method,
      path: pathname,
      status: c.res.status,
      duration_ms: durationMs,
      created_at: isoTime(runtime.clock.now()),
    })
    logger?.(`${c.req.method} ${pathname} ${c.res.status} ${durationMs}ms ${requestId}`)
  })

  app.get('/health', (c) => jsonResponse(c, 200, '{"status":"ok"}'))
  app.get('/openapi.json', (c) => {
    document ??= JSON.stringify(openapi(runtime.routes?.table))
    return jsonResponse(c, 200, document)
  })
  for (const mount of runtime.mounts) mountHandler(app, mount)

  const table = handlers as unknown as Record<string, Record<string, RouteHandlerFunction | undefined>>
  const added = runtime.routes?.handlers as Record<string, Record<string, RouteHandlerFunction | undefined>> | undefined
  const entries = listRoutes(runtime.routes?.table)
  for (const entry of entries) {
    const handler =
      added?.[entry.group]?.[entry.action] ??
      table[entry.group]?.[entry.action] ??
      (runtime.routes && genericHandler(runtime.routes.table, entry))
    if (!handler) {
      throw new ReferenceServerError(
        'invalid_option',
        `route ${entry.name} has no handler and is not a plain create, get, list, update or delete route; ` +
          `pass it in routes.handlers.${entry.group}.${entry.action}`,
      )
    }
    app.on(entry.definition.method, toAppPath(entry.definition.path), routeHandler(runtime, entry, handler))
  }

  const allowedMethods = methodsByPath(entries)
  app.notFound((c) => {
    const { pathname } = new URL(c.req.url)
    const allowed = allowedMethods(pathname)
    const error =
      allowed.length > 0
        ? new APIError(
            'method_not_allowed',
            `${c.req.method} is not allowed on ${pathname}; use ${allowed.join(' or ')}`,
            { headers: { allow: allowed.join(', ') } },
          )
        : new APIError(
            'route_not_found',
            `There is no route ${c.req.method} ${pathname}; the routes are listed in GET /openapi.json (the API ` +
              `lives under /v1)`,
          )
    return errorResponse(c, error)
  })

  app.onError((error, c) => {
    if (isAPIError(error)) return errorResponse(c, error)
    runtime.logger?.(`internal error ${c.get('requestId')}: ${error.stack ?? error.message}`)
    const internal = new APIError(
      'internal_error',
      `The reference server failed unexpectedly (a bug; please report it with the request id): ${error.message}`,
    )
    return errorResponse(c, internal)
  })

  return app
}
