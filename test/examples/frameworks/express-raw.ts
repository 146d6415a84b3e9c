import { expressWebhooks, type Webhooks } from '@octopuspro/webhooks'
import express from 'express'

/** The webhook route with its own raw-body parser, for apps whose body parsers are set per route. */
export function createExpressRawApp(webhooks: Webhooks): express.Express {
  const app = express()
  // #region express-raw
  app.post('/webhooks/octopuspro', express.raw({ type: 'application/json' }), expressWebhooks(webhooks))
  app.post('/orders', express.json(), (req, res) => res.json(req.body))
  // #endregion express-raw
  return app
}

/** The classic mistake: a JSON parser for every route, mounted before the webhook route. */
export function createExpressJsonFirstApp(webhooks: Webhooks): express.Express {
  const app = express()
  app.use(express.json())
  app.post('/webhooks/octopuspro', expressWebhooks(webhooks))
  return app
}
