import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type RequestListener,
  request,
  type Server,
} from 'node:http'
import type { AddressInfo } from 'node:net'

/** A node:http server listening on loopback. */
export interface Listening {
  server: Server
  port: number
  url: string
  close(): Promise<void>
}

/**
 * Starts a node:http server on 127.0.0.1 (port 0: any free port, or the one given).
 *
 * @example
 * ```ts
 * const receiver = await listen((req, res) => res.writeHead(204).end())
 * await receiver.close()
 * ```
 */
export async function listen(listener: RequestListener, port = 0): Promise<Listening> {
  const server = createServer(listener)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const actual = (server.address() as AddressInfo).port
  return {
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/**
 * A loopback port nothing listens on (taken from the OS, then freed): connections to it are refused.
 *
 * @example `const url = \`http://127.0.0.1:${await closedPort()}/hook\``
 */
export async function closedPort(): Promise<number> {
  const probe = await listen(() => undefined)
  await probe.close()
  return probe.port
}

/** What {@link rawRequest} got back: a response, or the network error instead of one. */
export type RawOutcome = { status: number; headers: IncomingMessage['headers']; body: string } | { error: string }

/**
 * Sends one request with node:http, so header lines can be repeated (an array value sends one line per entry) and
 * any method can carry a body; resolves with the answer or the socket error, never rejects.
 *
 * @example
 * ```ts
 * await rawRequest(url, { method: 'POST', headers: { 'webhook-id': ['a', 'b'] }, body })
 * ```
 */
export function rawRequest(
  url: string,
  options: { method: string; headers: OutgoingHttpHeaders; body?: Uint8Array },
): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const headers = options.body
      ? { ...options.headers, 'content-length': String(options.body.byteLength) }
      : options.headers
    const req = request(url, { method: options.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      )
      res.on('error', (error) => resolve({ error: error.message }))
    })
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
    req.end(options.body)
  })
}
