import type { IncomingMessage, ServerResponse } from 'node:http'
import { readNodeBody } from '@octopuspro/contract/io'
import { respondToNode } from '../internal/node-io.js'
import type { WebhookResponder } from './types.js'

/**
 * An Express request, as far as this door needs it (typed on node:http so Express itself stays optional).
 *
 * @example `(req: ExpressLikeRequest) => Buffer.isBuffer(req.body)`
 */
export type ExpressLikeRequest = IncomingMessage & { body?: unknown }

/** Whether a body parser already took the stream: then its result is the only body left. */
function bodyAlreadyRead(req: ExpressLikeRequest): boolean {
  const { body } = req
  if (typeof body === 'string' || body instanceof Uint8Array) return true
  // Express 4's parsers set `req.body = {}` even for requests they skip; only an untouched stream is still raw.
  return (
    req.readableEnded ||
    (body !== undefined && !(typeof body === 'object' && body !== null && Object.keys(body).length === 0))
  )
}

/**
 * The Express door (Express 4 and 5): reads the raw body itself when nothing has; takes `req.body` when it is a
 * Buffer or string (`express.raw()`, `express.text()`); refuses a body a JSON parser already turned into an
 * object (400 `body_not_raw`) — mount it before `express.json()`.
 *
 * @example
 * ```ts
 * const app = express()
 * app.post('/webhooks', expressWebhooks(webhooks)) // before app.use(express.json())
 * app.use(express.json())
 * ```
 */
export function expressWebhooks(webhooks: WebhookResponder): (req: ExpressLikeRequest, res: ServerResponse) => void {
  return function octopusProWebhooks(req, res) {
    void respondToNode(webhooks, req, res, (maxBytes) =>
      bodyAlreadyRead(req) ? Promise.resolve(req.body) : readNodeBody(req, maxBytes),
    )
  }
}
