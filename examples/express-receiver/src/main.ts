/**
 * A production-shaped OctopusPro webhook receiver. Configuration from the environment (see config.ts); JSON logs on
 * stdout; SIGTERM/SIGINT stop accepting connections, let deliveries in progress finish, then close Redis.
 */
import type { AddressInfo } from 'node:net'
import { Redis } from 'ioredis'
import { createApp } from './app.js'
import { readConfig } from './config.js'
import { jsonLogger } from './logger.js'
import { createWebhooks } from './webhooks.js'

const log = jsonLogger()
const SHUTDOWN_GRACE_MS = 10_000

async function main() {
  const config = readConfig()
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 })
  redis.on('error', (error) => log.warn('redis error', { error: error.message }))
  const webhooks = createWebhooks({ secrets: config.secrets, redis, dedupePrefix: config.dedupePrefix, log })
  const app = createApp({ webhooks, log, ping: () => redis.ping() })

  const server = app.listen(config.port, config.host)

  let stopping = false
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log.info('shutting down', { signal })
    const force = setTimeout(() => {
      log.error('deliveries still running after the grace period; exiting', { graceMs: SHUTDOWN_GRACE_MS })
      process.exit(1)
    }, SHUTDOWN_GRACE_MS).unref()
    server.close(async () => {
      await redis.quit()
      clearTimeout(force)
      log.info('stopped')
    })
    server.closeIdleConnections()
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)

  try {
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject))
  } catch (error) {
    redis.disconnect() // let the process exit
    throw error
  }
  log.info('listening', { port: (server.address() as AddressInfo).port, secrets: config.secrets.length })
}

main().catch((error: unknown) => {
  log.error('failed to start', { error: error instanceof Error ? error.message : String(error) })
  process.exitCode = 1
})
