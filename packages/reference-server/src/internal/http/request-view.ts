import type { IncomingMessage } from 'node:http'
import { readLimited, readNodeBody, streamChunks } from '@octopuspro/contract/io'
import { MAX_BODY_BYTES, tooLarge } from './read-body.js'

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
      body: async () =>
        request.body ? orTooLarge(await readLimited(streamChunks(request.body), MAX_BODY_BYTES)) : new Uint8Array(),
    }
  }
  return {
    header: (name) => {
      const value = incoming.headers[name]
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
    },
    body: async () => orTooLarge(await readNodeBody(incoming, MAX_BODY_BYTES)),
  }
}

/** The body read, or 413 when the reader stopped past the limit. */
function orTooLarge(bytes: Uint8Array | null): Uint8Array {
  if (bytes === null) throw tooLarge()
  return bytes
}
