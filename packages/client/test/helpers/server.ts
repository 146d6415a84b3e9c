import {
  createReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
  startReferenceServer,
} from '@octopuspro/reference-server'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { type ClientOptions, OctopusPro } from '../../src/index.js'

/** The two ways a client reaches the reference server: its fetch handler in process, or HTTP over loopback. */
export type Door = 'in-process' | 'real port'
export const doors: readonly Door[] = ['in-process', 'real port']

/**
 * Webhook deliveries answered 204 by a stand-in receiver, so endpoints can be exercised without a port of their own.
 */
export const acceptingReceiver: ReferenceServerOptions = {
  delivery: { fetch: async () => new Response(null, { status: 204 }) },
}

/** A reference server behind a door. */
export async function openServer(door: Door, options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  return door === 'in-process' ? createReferenceServer(options) : startReferenceServer({ ...options, port: 0 })
}

/** A client of `server` through `door`, with the server's ready key. */
export function clientOf(server: ReferenceServer, door: Door, options: ClientOptions = {}): OctopusPro {
  return new OctopusPro({
    apiKey: server.apiKey,
    baseUrl: server.baseUrl,
    ...(door === 'in-process' ? { fetch: server.fetch } : {}),
    ...options,
  })
}

/**
 * One server per describe block (reset after each test) and a client of it: `ctx.server`, `ctx.op`.
 *
 * @example
 * ```ts
 * describe.each(doors)('customers (%s)', (door) => {
 *   const ctx = useServer(door)
 *   it('creates', async () => { await ctx.op.customers.create({ name: 'Ada' }) })
 * })
 * ```
 */
export function useServer(door: Door, options: ReferenceServerOptions = {}, clientOptions: ClientOptions = {}) {
  const ctx = {} as { server: ReferenceServer; op: OctopusPro }
  beforeAll(async () => {
    ctx.server = await openServer(door, options)
    ctx.op = clientOf(ctx.server, door, clientOptions)
  })
  afterEach(() => {
    ctx.server.faults.clear()
    ctx.server.reset()
  })
  afterAll(async () => {
    await ctx.server?.close()
  })
  return ctx
}
