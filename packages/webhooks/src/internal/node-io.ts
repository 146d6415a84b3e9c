import type { IncomingMessage, ServerResponse } from 'node:http'
import type { WebhookRequest, WebhookResponder } from '../middleware/types.js'
import { headerValue } from '../verify/headers.js'
/** Runs the generic middleware for a Node request and writes its answer. */
export async function respondToNode(
  webhooks: WebhookResponder,
  req: IncomingMessage,
  res: ServerResponse,
  readBody: WebhookRequest['readBody'],
): Promise<void> {
  const response = await webhooks.respond({
    method: req.method ?? '',
    header: (name) => headerValue(req.headers[name]),
    readBody,
  })
  // After a 413 the rest of the body is still on the wire: close the connection rather than drain it.
  if (response.status === 413) res.shouldKeepAlive = false
  res.writeHead(response.status, response.headers).end(response.body ?? undefined)
}
