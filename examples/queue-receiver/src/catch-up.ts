/**
 * Catch-up after downtime: pages GET /v1/events onto the same queue (the workers run them, skipping events they
 * already handled), keeping a checkpoint in Redis so the next run starts where this one stopped. Needs
 * OCTOPUSPRO_API_KEY (and OCTOPUSPRO_BASE_URL outside production); SINCE (ISO 8601) bounds the first run.
 */
import { OctopusPro } from '@octopuspro/client'
import { recover, redisCheckpoint } from '@octopuspro/webhooks'
import { Redis } from 'ioredis'
import { log, setUp } from './setup.js'

const { webhooks, queue, redisUrl, prefix } = setUp()
const redis = new Redis(redisUrl)
try {
  // #region recover
  const op = new OctopusPro() // OCTOPUSPRO_API_KEY from the environment
  const result = await recover(op, webhooks, {
    since: process.env.SINCE ?? new Date(Date.now() - 24 * 3600_000).toISOString(),
    checkpoint: redisCheckpoint(redis, { key: `${prefix}:recover-checkpoint` }),
    queue,
  })
  log('info', 'caught up', { ...result })
  // #endregion recover
} catch (error) {
  log('error', 'catch-up failed', { error: (error as Error).message })
  process.exitCode = 1
} finally {
  await queue.close()
  await redis.quit()
}
