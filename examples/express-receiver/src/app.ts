import { expressWebhooks, type Webhooks } from '@octopuspro/webhooks'
import express from 'express'
import type { Logger } from './logger.js'

/** The HTTP app: the webhook route (mounted before any JSON body parser), a health check, one log line per delivery. */
export function createApp(options: { webhooks: Webhooks; log: Logger; ping: () => Promise<unknown> }): express.Express {
  const { webhooks, log, ping } = options
  const app = express()
  app.disable('x-powered-by')

  // One line per delivery, with what the receiver answered: 204 handled, 200 duplicate, 401 bad signature, …
  const logDelivery: express.RequestHandler = (req, res, next) => {
    const started = performance.now()
    res.on('finish', () => {
      const fields = {
        webhookId: req.header('webhook-id'),
        status: res.statusCode,
        durationMs: Math.round(performance.now() - started),
      }
      if (res.statusCode < 300) log.info('webhook answered', fields)
      else log.warn('webhook refused', fields)
    })
    next()
  }
  // #region mount
  // before express.json(): it needs the raw body
  app.post('/webhooks/octopuspro', logDelivery, expressWebhooks(webhooks))
  app.use(express.json())
  // #endregion mount

  app.get('/healthz', async (_req, res) => {
    try {
      await ping()
      res.json({ ok: true })
    } catch (error) {
      log.warn('health check failed', { error: (error as Error).message })
      res.status(503).json({ ok: false })
    }
  })
  return app
}
