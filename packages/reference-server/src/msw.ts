/**
 * msw handlers backed by the reference server: intercepted requests are answered by the same app, so code that
 * calls the API with its own `fetch` can be tested with no port and no client changes.
 *
 * @packageDocumentation
 */
import { type HttpHandler, http } from 'msw'
import type { ReferenceServer } from './options.js'

/**
 * One msw handler that forwards every request to `server.url` (any method, any path) to `server.fetch`.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node'
 * import { createReferenceServer } from '@octopuspro/reference-server'
 * import { createHandlers } from '@octopuspro/reference-server/msw'
 *
 * const server = createReferenceServer()
 * const mocks = setupServer(...createHandlers(server))
 * mocks.listen()
 * await fetch(`${server.baseUrl}/customers`, { headers: { authorization: `Bearer ${server.apiKey}` } })
 * ```
 */
export function createHandlers(server: Pick<ReferenceServer, 'url' | 'fetch'>): HttpHandler[] {
  return [http.all(`${server.url}/*`, ({ request }) => server.fetch(request))]
}
