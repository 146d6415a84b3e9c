import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readNodeBody } from '@octopuspro/contract/io'

/** One delivery attempt that passed through the forwarder, as `listen` prints it. */
export interface ForwardedAttempt {
  event_id: string
  event_type: string
  /** The receiver's status code, or `null` when it could not be reached (the server got a 502). */
  status_code: number | null
  duration_ms: number
  /** How many times this event came through (retries and resends count). */
  attempt: number
  error: string | null
}

/** A local endpoint that passes every request on to `forwardTo` unchanged and reports each one. */
export interface Forwarder {
  /** Where the server should deliver: `http://127.0.0.1:<port>/`. */
  url: string
  close(): Promise<void>
}

// Hop-by-hop and length headers belong to each connection; everything else (the signature headers above all)
// passes through untouched.
const notForwarded = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'])

// Far above any event the server sends; a bound, so a stray client cannot fill memory.
const maxBodyBytes = 8 * 1024 * 1024

function describeEvent(body: Uint8Array, webhookId: string | undefined): { id: string; type: string } {
  try {
    const event = JSON.parse(new TextDecoder().decode(body)) as { id?: unknown; type?: unknown }
    return { id: String(event.id ?? webhookId), type: String(event.type ?? 'unknown') }
  } catch {
    return { id: webhookId ?? 'unknown', type: 'unknown' }
  }
}

/**
 * Starts the forwarder of `octopuspro listen` on a free loopback port: the webhook endpoint points at it, and it
 * POSTs each delivery's exact bytes and headers to `forwardTo`, answers the server with the receiver's answer
 * (a 502 if the receiver is down, so the server retries) and calls `report` once per attempt.
 *
 * @example
 * ```ts
 * const forwarder = await startForwarder('http://localhost:3000/webhooks', (a) => console.log(a.event_type))
 * await op.webhooks.create({ name: 'listen', url: forwarder.url, event_types: ['*'] })
 * ```
 */
export async function startForwarder(
  forwardTo: string,
  report: (attempt: ForwardedAttempt) => void,
): Promise<Forwarder> {
  const attempts = new Map<string, number>()
  const server: Server = createServer(async (req, res) => {
    const body = await readNodeBody(req, maxBodyBytes)
    if (!body) return void res.writeHead(413).end()
    const webhookId = req.headers['webhook-id']
    const event = describeEvent(body, Array.isArray(webhookId) ? webhookId[0] : webhookId)
    const attempt = (attempts.get(event.id) ?? 0) + 1
    attempts.set(event.id, attempt)
    const headers = Object.entries(req.headers).flatMap(([name, value]) =>
      notForwarded.has(name) || value === undefined ? [] : [[name, String(value)] as [string, string]],
    )
    const started = performance.now()
    const elapsed = () => Math.round(performance.now() - started)
    try {
      const answer = await fetch(forwardTo, {
        method: req.method ?? 'POST',
        headers,
        body: body as Uint8Array<ArrayBuffer>,
      })
      const text = await answer.text()
      report({
        event_id: event.id,
        event_type: event.type,
        status_code: answer.status,
        duration_ms: elapsed(),
        attempt,
        error: null,
      })
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' }).end(text)
    } catch (error) {
      const reason = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message
      report({
        event_id: event.id,
        event_type: event.type,
        status_code: null,
        duration_ms: elapsed(),
        attempt,
        error: reason,
      })
      res
        .writeHead(502, { 'content-type': 'text/plain' })
        .end(`octopuspro listen could not reach ${forwardTo}: ${reason}`)
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/**
 * An attempt as one line: event type, event id, the receiver's status code (or why it could not be reached),
 * duration, and the attempt number from the second on.
 *
 * @example
 * ```ts
 * formatForwarded(attempt) // 'payment.approved evt_… 204 12ms'
 * ```
 */
export function formatForwarded(attempt: ForwardedAttempt): string {
  const outcome = attempt.status_code ?? `unreachable (${attempt.error})`
  const line = `${attempt.event_type} ${attempt.event_id} ${outcome} ${attempt.duration_ms}ms`
  return attempt.attempt > 1 ? `${line} attempt ${attempt.attempt}` : line
}
