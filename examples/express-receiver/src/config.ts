/** The receiver's settings, all from the environment, checked at start so a bad deploy fails before it listens. */
export interface Config {
  /** The endpoint's signing secret(s); during a rotation, the new and the old one. */
  secrets: string[]
  port: number
  host: string
  redisUrl: string
  /** Prefix of the Redis keys of handled webhook ids; one per environment when several share a Redis. */
  dedupePrefix: string
}

/**
 * Reads `OCTOPUSPRO_WEBHOOK_SECRET` (one `whsec_…`, or several separated by spaces during a rotation), `PORT`
 * (default 3000; 0 picks a free port), `HOST` (default 0.0.0.0), `REDIS_URL` and `OCTOPUSPRO_DEDUPE_PREFIX` (default
 * `octopuspro:webhooks:`).
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const secrets = (env.OCTOPUSPRO_WEBHOOK_SECRET ?? '').split(/[\s,]+/).filter(Boolean)
  if (secrets.length === 0) {
    throw new Error(
      'OCTOPUSPRO_WEBHOOK_SECRET is not set: copy the whsec_… secret of your webhook endpoint (shown when it was ' +
        'created, or GET /v1/webhooks/{id}/secret)',
    )
  }
  const redisUrl = env.REDIS_URL
  if (!redisUrl)
    throw new Error(
      'REDIS_URL is not set: the receiver remembers handled webhook ids in Redis, e.g. ' +
        'REDIS_URL=redis://127.0.0.1:6379',
    )
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number from 0 to 65535, got ${env.PORT}`)
  return {
    secrets,
    port,
    host: env.HOST ?? '0.0.0.0',
    redisUrl,
    dedupePrefix: env.OCTOPUSPRO_DEDUPE_PREFIX || 'octopuspro:webhooks:',
  }
}
