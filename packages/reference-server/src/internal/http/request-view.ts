import { readLimited, streamChunks } from '@octopuspro/contract/io'
import { MAX_BODY_BYTES, withinLimit } from './read-body.js'

/** What the route handler reads of a request: its headers and its body's bytes (1 MiB at most, 413 past it). */
export interface RequestView {
  /** A header's value, `null` when absent; repeated headers are joined with `, ` as `Headers.get` does. */
  header(name: string): string | null
  /** The body's bytes (empty when there is none). */
  body(): Promise<Uint8Array>
}

/**
 * A web `Request` as the route handler reads it: the view of every door that does not bring its own (the port
 * door reads the Node request instead, see internal/node/port-fetch.ts).
 *
 * @example
 * ```ts
 * const view = c.env?.view ?? requestView(c.req.raw)
 * const key = view.header('idempotency-key')
 * ```
 */
export function requestView(request: Request): RequestView {
  return {
    header: (name) => request.headers.get(name),
    body: async () =>
      request.body ? withinLimit(await readLimited(streamChunks(request.body), MAX_BODY_BYTES)) : new Uint8Array(),
  }
}
