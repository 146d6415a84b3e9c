import type { IncomingMessage } from 'node:http'
import type { Http2ServerRequest } from 'node:http2'
import type { Http2Bindings, HttpBindings } from '@hono/node-server'
import { readNodeBody } from '@octopuspro/contract/io'
import type { Hono } from 'hono'
import { MAX_BODY_BYTES, withinLimit } from '../http/read-body.js'
import type { RequestView } from '../http/request-view.js'
import type { AppEnv } from '../http/route-handler.js'

/**
 * The request as the route handler reads it, straight from the Node `IncomingMessage`: through the web `Request`
 * @hono/node-server builds, `request.headers` would make an undici `Headers` of every header and `request.body`
 * a full undici `Request` with a web stream (14 % of a create's CPU).
 */
function incomingView(incoming: IncomingMessage | Http2ServerRequest): RequestView {
  return {
    header: (name) => {
      const value = incoming.headers[name]
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
    },
    body: async () => withinLimit(await readNodeBody(incoming, MAX_BODY_BYTES)),
  }
}

/**
 * The app as the port door's fetch for @hono/node-server's `serve`: the only place that sees the Node request. It
 * hands the app a {@link RequestView} of it, so the app knows nothing of Node (and reads the web `Request` on the
 * doors that hand it none).
 *
 * @example
 * ```ts
 * serve({ fetch: portFetch(createApp(runtime)), port: 0 })
 * ```
 */
export function portFetch(app: Hono<AppEnv>) {
  return (request: Request, { incoming }: HttpBindings | Http2Bindings) =>
    app.fetch(request, { view: incomingView(incoming) })
}
