import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { nodeWebhooks, type Webhooks } from '@octopuspro/webhooks'

/** What the receiver answered, by status: 204 handled, 200 duplicate, 500 a handler failed. */
export type Answers = Record<number, number>

/**
 * A plain node:http receiver on a free loopback port. It listens first (the endpoint needs its URL) and is given
 * its `Webhooks` once the endpoint, and so the secret, exists.
 */
export async function startReceiver() {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const answers: Answers = {}
  server.on('request', (_req, res) =>
    res.on('finish', () => (answers[res.statusCode] = (answers[res.statusCode] ?? 0) + 1)),
  )
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    answers,
    mount: (webhooks: Webhooks) => server.on('request', nodeWebhooks(webhooks)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
