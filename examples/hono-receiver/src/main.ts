/** Serves the Hono app on Node. `OCTOPUSPRO_WEBHOOK_SECRET` (one `whsec_…`, or several separated by spaces), `PORT`. */
import { serve } from '@hono/node-server'
import { createApp } from './app.js'

const secrets = (process.env.OCTOPUSPRO_WEBHOOK_SECRET ?? '').split(/[\s,]+/).filter(Boolean)
if (secrets.length === 0) {
  console.error('OCTOPUSPRO_WEBHOOK_SECRET is not set: copy the whsec_… secret of your webhook endpoint')
  process.exit(1)
}
const server = serve(
  {
    fetch: createApp({ secret: secrets }).fetch,
    port: Number(process.env.PORT ?? 3000),
    hostname: process.env.HOST ?? '0.0.0.0',
  },
  (info) => {
    console.log(
      `Receiving OctopusPro webhooks at http://${process.env.HOST ?? 'localhost'}:${info.port}/webhooks/octopuspro ` +
        `(tasks at /tasks)`,
    )
  },
)
const stop = () => server.close(() => process.exit(0))
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
