import { Runtime } from './internal/runtime.js'
import { appFetch, serverObject } from './internal/server-object.js'
import type { ReferenceServer, ReferenceServerOptions } from './options.js'

/** The origin of an in-process server: requests to any origin work, this one reads well in tests. */
const IN_PROCESS_URL = 'http://octopuspro.test'

/**
 * The whole OctopusPro API in memory, in process: no port, `server.fetch(request)` answers. Webhooks are still
 * delivered with the global `fetch` (or `delivery.fetch`).
 *
 * @example
 * ```ts
 * import { createReferenceServer } from '@octopuspro/reference-server'
 *
 * const server = createReferenceServer({ seed: 'demo' })
 * const res = await server.fetch(new Request(`${server.baseUrl}/customers?limit=5`, {
 *   headers: { authorization: `Bearer ${server.apiKey}` },
 * }))
 * const page = await res.json() // { object: 'list', data: [...5 customers], has_more: true, next_cursor: 'cus_…' }
 * await server.close()
 * ```
 */
export function createReferenceServer(options: ReferenceServerOptions = {}): ReferenceServer {
  const runtime = new Runtime(options)
  return serverObject(runtime, IN_PROCESS_URL, appFetch(runtime), () => runtime.close())
}
