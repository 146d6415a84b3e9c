import { createServer } from 'node:http'
import { nodeWebhooks, type Webhooks } from '@octopuspro/webhooks'

/** A plain node:http server with the receiver on one path. */
export function createNodeServer(webhooks: Webhooks) {
  // #region node-http
  const receive = nodeWebhooks(webhooks)
  const server = createServer((req, res) => {
    if (req.url === '/webhooks/octopuspro') return receive(req, res)
    res.writeHead(404).end()
  })
  // #endregion node-http
  return server
}
