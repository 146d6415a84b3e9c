import type { IncomingMessage } from 'node:http'
import { readNodeBody } from '@octopuspro/contract'
import { MAX_BODY_BYTES, readLimited, tooLarge } from './read-body.js'

/** What the route handler reads of a request: its headers and its body's bytes (1 MiB at most, 413 past it). */
export interface RequestView {
  /** A header's value, `null` when absent; repeated headers are joined with `, ` as `Headers.get` does. */
  header(name: string): string | null
  /** The body's bytes (empty when there is none). */
  body(): Promise<Uint8Array>
}

/**
 * The request as the route handler reads it. On the port door, straight from the Node `IncomingMessage`
 * (@hono/node-server's bindings): `request.headers` would make @hono/node-server build an undici `Headers` of
 * every header and `request.body` a full undici `Request` with a web stream (14 % of a create's CPU). The other
 * doors read the web `Request`.
 *
 * @example
 * ```ts
 * const view = requestView(c.req.raw, c.env?.incoming)
 * const key = view.header('idempotency-key')
 * ```
 */
export function requestView(request: Request, incoming: IncomingMessage | undefined): RequestView {
  if (!incoming) {
    return {
      header: (name) => request.headers.get(name),
      body: async () => (request.body ? readLimited(request.body) : new Uint8Array()),
    }
  }
  return {
    header: (name) => {
      const value = incoming.headers[name]
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
    },
    body: async () => {
      const bytes = await readNodeBody(incoming, MAX_BODY_BYTES)
      if (bytes === null) throw tooLarge()
      return bytes
    },
  }
}
