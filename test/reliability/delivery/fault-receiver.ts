import type { IncomingMessage, ServerResponse } from 'node:http'
import { nodeWebhooks, type Webhooks } from '@octopuspro/webhooks'

/** What a faulty receiver does with one request. */
export type Fault = 'ok' | '500' | 'destroy' | 'partial' | 'slow' | '410'

/** One request as the receiver saw it, and what became of its answer. */
export interface SeenRequest {
  eventId: string
  /** The `webhook-timestamp` header. */
  timestamp: string
  /** 1 for the first request of this event at this receiver, 2 for the next, … */
  attempt: number
  fault: Fault
  /**
   * `finished`: the whole answer went out (with `status`, at `Date.now()` time `at`); `cut`: the connection closed
   * before it did.
   */
  outcome?: { kind: 'finished'; status: number; at: number } | { kind: 'cut'; status?: number }
}

function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.resume()
    req.once('end', resolve)
    req.once('error', () => resolve())
  })
}

/**
 * A webhook receiver with faults on a plan: for each (event, attempt) the plan picks an answer — the real
 * receiver (`ok`), a 500, a connection destroyed before any answer, a 503 cut off mid-body, a handler that outlives
 * the sender's timeout (`slow`), or 410 Gone. It records every request and what happened to its answer, so the
 * sender's delivery log can be checked against it.
 *
 * @example
 * ```ts
 * const { listener, seen } = faultyReceiver(webhooks, (id, attempt) => (attempt === 1 ? '500' : 'ok'), new Set())
 * await listen(listener)
 * ```
 */
export function faultyReceiver(
  webhooks: Webhooks,
  plan: (eventId: string, attempt: number) => Fault,
  slowEvents: Set<string>,
) {
  const seen: SeenRequest[] = []
  const attempts = new Map<string, number>()
  const door = nodeWebhooks(webhooks)
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const eventId = String(req.headers['webhook-id'])
    const attempt = (attempts.get(eventId) ?? 0) + 1
    attempts.set(eventId, attempt)
    const fault = plan(eventId, attempt)
    const request: SeenRequest = { eventId, timestamp: String(req.headers['webhook-timestamp']), attempt, fault }
    seen.push(request)
    res.on('finish', () => (request.outcome = { kind: 'finished', status: res.statusCode, at: Date.now() }))
    res.on('close', () => (request.outcome ??= { kind: 'cut' }))
    switch (fault) {
      case 'ok':
        door(req, res)
        return
      case 'slow':
        slowEvents.add(eventId)
        door(req, res)
        return
      case '500':
      case '410':
        void drain(req).then(() =>
          res
            .writeHead(Number(fault), { 'content-type': 'text/plain' })
            .end(fault === '500' ? 'injected failure' : 'gone'),
        )
        return
      case 'destroy':
        void drain(req).then(() => req.socket.destroy())
        return
      case 'partial':
        void drain(req).then(() => {
          request.outcome = { kind: 'cut', status: 503 }
          req.socket.end(
            'HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain\r\ncontent-length: 100\r\n\r\nthe answer ' +
              'breaks o',
            () => req.socket.destroy(),
          )
        })
        return
    }
  }
  return { listener, seen }
}
