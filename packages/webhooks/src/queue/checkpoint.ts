/**
 * Where {@link recover} keeps its place: the id of the last event it queued (or handled), so that the next run
 * lists from there.
 *
 * @example
 * ```ts
 * const checkpoint: Checkpoint = redisCheckpoint(redis, { key: 'shop:octopuspro:recover' })
 * console.log('resuming after', await checkpoint.get())
 * ```
 */
export interface Checkpoint {
  get(): Promise<string | undefined>
  set(eventId: string): Promise<void>
}

/**
 * A checkpoint in this process's memory (tests, one-off scripts).
 *
 * @example
 * ```ts
 * const checkpoint = memoryCheckpoint()
 * await recover(op, webhooks, { checkpoint, queue })
 * ```
 */
export function memoryCheckpoint(initial?: string): Checkpoint {
  let value = initial
  return {
    async get() {
      return value
    },
    async set(eventId) {
      value = eventId
    },
  }
}

/**
 * What {@link redisCheckpoint} needs of a Redis client (an ioredis `Redis` fits), written out so the declarations
 * of this package do not need ioredis.
 *
 * @example
 * ```ts
 * const client: RedisKeyValueClient = new Redis(process.env.REDIS_URL!)
 * ```
 */
export interface RedisKeyValueClient {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<unknown>
}

/**
 * A checkpoint in one Redis key, shared by every process that recovers the same endpoint.
 *
 * @example
 * ```ts
 * const checkpoint = redisCheckpoint(new Redis(process.env.REDIS_URL!), { key: 'octopuspro:recover:shop' })
 * ```
 */
export function redisCheckpoint(redis: RedisKeyValueClient, options: { key?: string } = {}): Checkpoint {
  const key = options.key ?? 'octopuspro:webhooks:recover-checkpoint'
  return {
    async get() {
      return (await redis.get(key)) ?? undefined
    },
    async set(eventId) {
      await redis.set(key, eventId)
    },
  }
}
