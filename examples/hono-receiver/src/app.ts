import { memoryDedupe, Webhooks } from '@octopuspro/webhooks'
import { Hono } from 'hono'
import { InMemoryTaskList } from './tasks.js'

/**
 * The product guide's "call missed → callback task" and "quote updated → tell sales" automations, received through the
 * fetch door: `webhooks.handle(request)` takes a web `Request` and resolves with the `Response`, so the same app
 * runs on Node (`@hono/node-server`), Bun, Deno, Cloudflare Workers or Vercel.
 */
export function createApp(options: { secret: string | string[]; tasks?: InMemoryTaskList }) {
  const tasks = options.tasks ?? new InMemoryTaskList()
  const webhooks = new Webhooks({ secret: options.secret, dedupe: memoryDedupe() })

  webhooks.on('communication.call_missed', (event) => {
    tasks.add({
      kind: 'call_back',
      subject: event.data.id,
      title: `Call back ${event.data.from} (missed at ${event.data.occurred_at})`,
    })
  })
  webhooks.on('quote.updated', (event) => {
    const before = event.previous_attributes?.status
    if (before === undefined || before === event.data.status) return // only status changes interest sales
    tasks.add({
      kind: 'review_quote',
      subject: event.data.id,
      title: `Quote ${event.data.id}: ${before} → ${event.data.status}`,
    })
  })

  // #region route
  const app = new Hono()
  app.post('/webhooks/octopuspro', (c) => webhooks.handle(c.req.raw)) // c.req.raw: the untouched Request
  // #endregion route
  app.get('/tasks', (c) => c.json(tasks.list()))
  return app
}
