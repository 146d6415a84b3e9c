/**
 * The receiver: verifies each delivery and answers 202 as soon as the queue holds the event (503 if Redis is
 * down, so OctopusPro retries). Handlers do not run here; start workers (src/worker.ts) for that. Also serves
 * the inbox, for audit: `GET /inbox?state=failed`, `GET /inbox/:id`, `POST /inbox/:id/replay`.
 */
import type { AddressInfo } from 'node:net'
import { expressWebhooks, type InboxState, queueWebhooks } from '@octopuspro/webhooks'
import express from 'express'
import { log, onShutdown, setUp } from './setup.js'

const states = new Set<string>(['queued', 'active', 'retrying', 'completed', 'failed'])

try {
  const { webhooks, queue } = setUp()
  const app = express()
  // #region door
  app.post('/webhooks/octopuspro', expressWebhooks(queueWebhooks(webhooks, { queue }))) // before express.json()
  // #endregion door
  app.get('/inbox', async (req, res) => {
    const state = typeof req.query.state === 'string' ? req.query.state : undefined
    if (state !== undefined && !states.has(state)) {
      res.status(400).json({ error: `state must be one of ${[...states].join(', ')}` })
      return
    }
    res.json({ data: await queue.inbox.list({ state: state as InboxState | undefined }) })
  })
  app.get('/inbox/:id', async (req, res) => {
    const entry = await queue.inbox.get(req.params.id)
    if (entry) res.json(entry)
    else res.status(404).json({ error: `no event ${req.params.id} in the inbox` })
  })
  app.post('/inbox/:id/replay', async (req, res) => {
    const replayed = await queue.replay(req.params.id)
    res.status(replayed ? 202 : 409).json({ replayed })
  })
  const server = app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '0.0.0.0', () =>
    log('info', 'listening', { port: (server.address() as AddressInfo).port }),
  )
  onShutdown(async () => {
    await new Promise((resolve) => server.close(resolve))
    await queue.close()
  })
} catch (error) {
  log('error', 'failed to start', { error: (error as Error).message })
  process.exitCode = 1
}
