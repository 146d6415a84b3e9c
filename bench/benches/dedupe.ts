import { randomUUID } from 'node:crypto'
import { type ClaimResult, type DedupeStore, memoryDedupe, redisDedupe } from '@octopuspro/webhooks'
import { Redis } from 'ioredis'
import { alternate, type Bench, size } from '../lib/bench.js'
import { opsPerSecond } from '../lib/rate.js'
import { type BenchCase, type Measurement, measurement, type Role, ratioGoal, valueGoal } from '../lib/result.js'

const MAX = 10_000

/**
 * The floor of the memory store: a plain Map from id to done-or-not, emptied when it reaches the same bound as
 * ours — no LRU order, no TTL, no owner token.
 */
function plainMapStore(): Pick<DedupeStore, 'claim' | 'complete'> {
  const done = new Map<string, boolean>()
  return {
    async claim(id): Promise<ClaimResult> {
      const seen = done.get(id)
      if (seen !== undefined) return seen ? { status: 'duplicate' } : { status: 'in_flight' }
      if (done.size >= MAX) done.clear()
      done.set(id, false)
      return { status: 'new', token: '' }
    },
    async complete(id) {
      done.set(id, true)
    },
  }
}

/** The floor of the Redis store: a bare `SET NX PX` claim and a `SET PX` complete, two round trips like ours. */
function bareRedisStore(redis: Redis, prefix: string): Pick<DedupeStore, 'claim' | 'complete'> {
  return {
    async claim(id): Promise<ClaimResult> {
      return (await redis.set(prefix + id, 'pending', 'PX', 60_000, 'NX')) === 'OK'
        ? { status: 'new', token: '' }
        : { status: 'in_flight' }
    },
    async complete(id) {
      await redis.set(prefix + id, 'done', 'PX', 60_000)
    },
  }
}

interface Contender {
  name: string
  role: Role
  stores: Pick<DedupeStore, 'claim' | 'complete'>[]
}

/**
 * `batch` operations on fresh ids, spread over the contender's stores (one per client) concurrently: a claim, or a
 * claim then its complete (the receiver's path for a new delivery).
 */
function operations(contender: Contender, batch: number, withComplete: boolean): () => Promise<unknown> {
  const tag = randomUUID().slice(0, 8)
  let next = 0
  const run = async (store: Pick<DedupeStore, 'claim' | 'complete'>, count: number) => {
    for (let i = 0; i < count; i++) {
      const id = `evt_${tag}_${next++}`
      const claim = await store.claim(id)
      if (claim.status !== 'new') throw new Error(`${contender.name}: claim of a fresh id was ${claim.status}`)
      if (withComplete) await store.complete(id, claim.token)
    }
  }
  const perStore = batch / contender.stores.length
  return () => Promise.all(contender.stores.map((store) => run(store, perStore)))
}

/**
 * dedupe: operations per second on fresh ids. Memory: claim + complete (the receiver's path for a new delivery),
 * `memoryDedupe()` against a plain Map. Redis (at REDIS_URL): claims alone, then claim + complete, `redisDedupe`
 * on 8 clients (each its own connection) working concurrently, against bare `SET NX` / `SET` on the same 8.
 */
export const dedupeBench: Bench = {
  name: 'dedupe',
  description:
    'claim + complete per second: memoryDedupe vs a plain Map; redisDedupe with 8 concurrent clients vs bare SET NX',
  async run(settings) {
    const cases: BenchCase[] = []
    const memory: Contender[] = [
      { name: 'memoryDedupe', role: 'ours', stores: [memoryDedupe({ max: MAX })] },
      { name: 'plain Map', role: 'floor', stores: [plainMapStore()] },
    ]
    const memoryRounds = await alternate(memory, settings.rounds, (c) =>
      opsPerSecond(operations(c, 100, true), settings, { batch: 100 }),
    )
    const [ours, floor] = memory.map((c) =>
      measurement(c.name, c.role, 'claim+complete/s', memoryRounds.get(c.name)!),
    ) as [Measurement, Measurement]
    cases.push({ name: 'dedupe memory', measurements: [ours, floor], goals: [ratioGoal(ours, floor, 0.5)] })

    const url = process.env.REDIS_URL
    if (url) {
      const clients = Array.from({ length: 8 }, () => new Redis(url, { lazyConnect: false }))
      const prefix = `octopuspro-bench:${randomUUID()}:`
      try {
        await Promise.all(clients.map((client) => client.ping()))
        const redis: Contender[] = [
          {
            name: 'redisDedupe × 8 clients',
            role: 'ours',
            stores: clients.map((client) => redisDedupe(client, { prefix: `${prefix}ours:`, ttlMs: 60_000 })),
          },
          {
            name: 'bare SET NX × 8 clients',
            role: 'floor',
            stores: clients.map((client) => bareRedisStore(client, `${prefix}floor:`)),
          },
        ]
        const batch = 8 * 16
        for (const withComplete of [false, true]) {
          const unit = withComplete ? 'claim+complete/s' : 'claims/s'
          const rounds = await alternate(redis, settings.rounds, (c) =>
            opsPerSecond(operations(c, batch, withComplete), settings, { batch, time: 2000 }),
          )
          const [ours, floor] = redis.map((c) => measurement(c.name, c.role, unit, rounds.get(c.name)!)) as [
            Measurement,
            Measurement,
          ]
          cases.push({
            name: withComplete ? 'dedupe redis claim+complete' : 'dedupe redis claim',
            measurements: [ours, floor],
            goals: withComplete ? [] : [valueGoal('redisDedupe claims/s', ours.median, '>=', 20_000, 'claims/s')],
            details: { 'ours / bare SET NX': ours.median / floor.median },
          })
        }
      } finally {
        await Promise.all(clients.map((client) => client.quit()))
      }
    }
    return {
      bench: 'dedupe',
      description: this.description,
      settings: {
        rounds: settings.rounds,
        max: MAX,
        redis: url ? 'REDIS_URL' : 'not set',
        timeMs: size(settings, 1000, 0),
      },
      cases,
    }
  },
}
