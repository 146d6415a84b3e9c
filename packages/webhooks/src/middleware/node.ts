import type { IncomingMessage, ServerResponse } from 'node:http'
import { readNodeBody } from '@octopuspro/contract/io'
import { respondToNode } from '../internal/node-io.js'
import type { WebhookResponder } from './types.js'

/**
 * The node:http door: a request listener that receives webhooks on every path it is given.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * createServer(nodeWebhooks(webhooks)).listen(3000)
 * ```
 */
export function nodeWebhooks(webhooks: WebhookResponder): (req: IncomingMessage, res: ServerResponse) => void {
  return function octopusProWebhooks(req, res) {
    void respondToNode(webhooks, req, res, (maxBytes) => readNodeBody(req, maxBytes))
  }
}
