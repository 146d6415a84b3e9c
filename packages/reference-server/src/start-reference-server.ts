import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from './internal/http/app.js'
import { portFetch } from './internal/node/port-fetch.js'
import { Runtime } from './internal/runtime.js'
import { appFetch, serverObject } from './internal/server-object.js'
import type { ReferenceServer, StartReferenceServerOptions } from './options.js'

/**
 * The reference server on a real port (node:http through `@hono/node-server`), for clients in other processes
 * or any HTTP tool. Resolves once it is listening; `port: 0` (the default) picks a free port.
 *
 * @example
 * ```ts
 * import { startReferenceServer } from '@octopuspro/reference-server'
 *
 * const server = await startReferenceServer({ seed: 'demo', delivery: { retrySchedule: [10, 50] } })
 * console.log(server.baseUrl, server.apiKey) // http://127.0.0.1:53817/v1 opk_…
 * await server.close()
 * ```
 */
export async function startReferenceServer(options: StartReferenceServerOptions = {}): Promise<ReferenceServer> {
  const { port = 0, host = '127.0.0.1', ...serverOptions } = options
  const runtime = new Runtime(serverOptions)
  const app = createApp(runtime)
  const fetch = appFetch(runtime, app)
  const listening = await new Promise<{ server: Server; address: AddressInfo }>((resolve, reject) => {
    const server = serve({ fetch: portFetch(app), port, hostname: host }, (address) =>
      resolve({ server, address }),
    ) as Server
    server.once('error', reject)
  })
  const { server, address } = listening
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
  return serverObject(runtime, url, fetch, async () => {
    await runtime.close()
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()))
      server.closeAllConnections()
    })
  })
}
