import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import { describe, it } from 'vitest'

/** The Redis the dedupe scenarios share (CI sets it; locally `REDIS_URL=redis://127.0.0.1:6379`). */
export const REDIS_URL = process.env.REDIS_URL

/**
 * A `describe` for scenarios that need a real Redis: it runs whenever `REDIS_URL` is set, is skipped locally
 * without it, and FAILS in CI without it (a silent skip would hide that exactly-once was never checked).
 *
 * @example
 * ```ts
 * describeWithRedis('exactly once across processes', (redisUrl) => { it('…', async () => {}) })
 * ```
 */
export function describeWithRedis(name: string, body: (redisUrl: string) => void): void {
  const url = REDIS_URL
  if (url) {
    describe(name, () => body(url))
  } else if (process.env.CI) {
    describe(name, () => {
      it('has a Redis to run against', () => {
        throw new Error(
          `REDIS_URL must be set in CI: "${name}" needs a real Redis (e.g. REDIS_URL=redis://127.0.0.1:6379)`,
        )
      })
    })
  } else {
    describe.skip(`${name} (set REDIS_URL to run)`, () => body(''))
  }
}

/** A key prefix no other run (or parallel test file) uses. @example `uniquePrefix('faults')` */
export function uniquePrefix(label: string): string {
  return `octopuspro:reliability:${label}:${process.pid}:${randomBytes(6).toString('hex')}:`
}

/** Deletes every key under `prefix`. @example `await deleteKeys(redis, prefix)` */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
    if (keys.length > 0) await redis.del(...keys)
    cursor = next
  } while (cursor !== '0')
}
