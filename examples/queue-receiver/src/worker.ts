/**
 * A worker: runs the handlers of queued events, CONCURRENCY at a time, with retries and backoff; once per
 * `webhook-id` across every worker, thanks to the dedupe store in the same Redis. Start as many as you like.
 */
import { createWorker, redisDedupe } from '@octopuspro/webhooks'
import { Redis } from 'ioredis'
import { log, onShutdown, setUp } from './setup.js'

try {
  const { webhooks, queue, redisUrl, prefix } = setUp()
  const redis = new Redis(redisUrl)
  const name = process.env.WORKER_NAME || String(process.pid)
  webhooks.onAny((event) => log('info', 'handling event', { worker: name, eventId: event.id, type: event.type }))
  // #region worker
  const worker = createWorker(webhooks, {
    queue,
    concurrency: Number(process.env.CONCURRENCY || 4),
    dedupe: redisDedupe(redis, { prefix: `${prefix}:handled:` }),
  })
  // #endregion worker
  onShutdown(async () => {
    await worker.close()
    await queue.close()
    await redis.quit()
  })
  log('info', 'worker ready', { worker: name }) // after onShutdown: a SIGTERM from now on shuts down gracefully
} catch (error) {
  log('error', 'failed to start', { error: (error as Error).message })
  process.exitCode = 1
}
