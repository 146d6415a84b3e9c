import { positiveInteger } from '../internal/positive-integer.js'
import { DEFAULT_IN_FLIGHT_TTL_MS, DEFAULT_TTL_MS, type DedupeStore, type DedupeTtlOptions } from './store.js'

/** Options of {@link redisDedupe}. @example `redisDedupe(redis, { prefix: 'shop:webhooks:', ttlMs: 48 * 3600_000 })` */
export interface RedisDedupeOptions extends DedupeTtlOptions {
  /** Prefix of the keys, one per `webhook-id`. Default `'octopuspro:webhooks:'`. */
  prefix?: string
}

/**
 * What the store needs of a Redis client: ioredis's `eval` (a `Redis` or a `Cluster` fits). Written out rather than
 * imported, so the declarations of this package do not need ioredis installed.
 *
 * @example
 * ```ts
 * const client: RedisEvalClient = new Redis(process.env.REDIS_URL)
 * ```
 */
export interface RedisEvalClient {
  eval(script: string, numberOfKeys: number, ...args: (string | number)[]): Promise<unknown>
}

// A key holds `pending:<token>` while its owner runs the handlers, then `done`. Each script runs atomically.
const CLAIM = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'new' end
if redis.call('GET', KEYS[1]) == 'done' then return 'duplicate' end
return 'in_flight'`

// Marks done if the caller still owns the claim, or if it lapsed and nobody claimed the id since.
const COMPLETE = `
local value = redis.call('GET', KEYS[1])
if value == ARGV[1] or value == false then redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2]) return 1 end
return 0`

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`

/**
 * A dedupe store in Redis, shared by any number of processes: a claim is an atomic `SET NX PX` holding an owner
 * token, so exactly one process runs an event's handlers; `complete` and `release` are Lua scripts that act only
 * for the owner. A process that crashes mid-handler leaves a claim that expires after `inFlightTtlMs`.
 *
 * `ioredis` is an optional peer dependency: install it to use this store.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis'
 * const webhooks = new Webhooks({ secret, dedupe: redisDedupe(new Redis(process.env.REDIS_URL)) })
 * ```
 */
export function redisDedupe(redis: RedisEvalClient, options: RedisDedupeOptions = {}): DedupeStore {
  const ttlMs = positiveInteger('ttlMs', options.ttlMs ?? DEFAULT_TTL_MS)
  const inFlightTtlMs = positiveInteger('inFlightTtlMs', options.inFlightTtlMs ?? DEFAULT_IN_FLIGHT_TTL_MS)
  const prefix = options.prefix ?? 'octopuspro:webhooks:'
  const pending = (token: string) => `pending:${token}`

  return {
    async claim(id) {
      const token = crypto.randomUUID()
      const status = await redis.eval(CLAIM, 1, prefix + id, pending(token), inFlightTtlMs)
      return status === 'new' ? { status, token } : { status: status === 'duplicate' ? 'duplicate' : 'in_flight' }
    },
    async complete(id, token) {
      await redis.eval(COMPLETE, 1, prefix + id, pending(token), ttlMs)
    },
    async release(id, token) {
      await redis.eval(RELEASE, 1, prefix + id, pending(token))
    },
  }
}
