import { randomUUID } from 'node:crypto'
import { type Cluster, Redis } from 'ioredis'
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest'
import { type ClaimResult, type DedupeStore, type RedisEvalClient, redisDedupe } from '../../src/index.js'
import { dedupeFlowTests } from './dedupe-flow.js'

const REDIS_URL = process.env.REDIS_URL
if (!REDIS_URL && process.env.CI)
  throw new Error('REDIS_URL must be set in CI: the Redis dedupe tests need a real Redis')

describe('redisDedupe types', () => {
  it('takes an ioredis Redis or Cluster client', () => {
    expectTypeOf<Redis>().toExtend<RedisEvalClient>()
    expectTypeOf<Cluster>().toExtend<RedisEvalClient>()
  })
})

describe.skipIf(!REDIS_URL)('redisDedupe (real Redis at REDIS_URL)', () => {
  const prefix = `octopuspro:webhooks:test:${randomUUID()}:`
  const clients: Redis[] = []
  function client(): Redis {
    const redis = new Redis(REDIS_URL as string, { lazyConnect: false })
    clients.push(redis)
    return redis
  }
  const admin = client()

  afterAll(async () => {
    const keys = await admin.keys(`${prefix}*`)
    if (keys.length > 0) await admin.del(...keys)
    await Promise.all(clients.map((redis) => redis.quit()))
  })

  async function token(claim: Promise<ClaimResult>): Promise<string> {
    const result = await claim
    if (result.status !== 'new') throw new Error(`expected a new claim, got ${result.status}`)
    return result.token
  }

  it('claims, completes and remembers an id for ttlMs', async () => {
    const store = redisDedupe(client(), { prefix, ttlMs: 60_000 })
    const owner = await token(store.claim('evt_a'))
    expect(await admin.get(`${prefix}evt_a`)).toBe(`pending:${owner}`)
    expect(await store.claim('evt_a')).toEqual({ status: 'in_flight' })
    await store.complete('evt_a', owner)
    expect(await store.claim('evt_a')).toEqual({ status: 'duplicate' })
    const ttl = await admin.pttl(`${prefix}evt_a`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(60_000)
  })

  it('gives exactly one of many concurrent claims across clients the id', async () => {
    const stores = Array.from({ length: 5 }, () => redisDedupe(client(), { prefix }))
    const results = await Promise.all(stores.flatMap((store) => [store.claim('evt_race'), store.claim('evt_race')]))
    expect(results.filter((r) => r.status === 'new')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'in_flight')).toHaveLength(9)
  })

  it('lets only the owner complete or release', async () => {
    const [mine, theirs] = [redisDedupe(client(), { prefix }), redisDedupe(client(), { prefix })]
    const owner = await token(mine.claim('evt_owner'))
    await theirs.complete('evt_owner', 'not-the-token')
    await theirs.release('evt_owner', 'not-the-token')
    expect(await theirs.claim('evt_owner')).toEqual({ status: 'in_flight' })
    await mine.release('evt_owner', owner)
    expect((await theirs.claim('evt_owner')).status).toBe('new')
  })

  it('lets a crashed claim expire after inFlightTtlMs, so another process can take the event', async () => {
    const crashed: DedupeStore = redisDedupe(client(), { prefix, inFlightTtlMs: 30 })
    const survivor = redisDedupe(client(), { prefix, inFlightTtlMs: 30 })
    const stale = await token(crashed.claim('evt_crash'))
    const ttl = await admin.pttl(`${prefix}evt_crash`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(30)
    // Wait for Redis to expire the key (it does so by its own clock).
    while ((await admin.exists(`${prefix}evt_crash`)) === 1) await new Promise((resolve) => setTimeout(resolve, 10))
    const fresh = await token(survivor.claim('evt_crash'))
    // The crashed owner's late release does not free the survivor's claim.
    await crashed.release('evt_crash', stale)
    expect(await survivor.claim('evt_crash')).toEqual({ status: 'in_flight' })
    await survivor.complete('evt_crash', fresh)
    expect(await crashed.claim('evt_crash')).toEqual({ status: 'duplicate' })
  })

  it('uses the default prefix', async () => {
    const id = `evt_default${randomUUID().replaceAll('-', '')}`
    const store = redisDedupe(client())
    const owner = await token(store.claim(id))
    expect(await admin.exists(`octopuspro:webhooks:${id}`)).toBe(1)
    await store.release(id, owner)
    expect(await admin.exists(`octopuspro:webhooks:${id}`)).toBe(0)
  })

  describe('the middleware with redisDedupe, one client per receiver', () => {
    dedupeFlowTests((count) => Array.from({ length: count }, () => redisDedupe(client(), { prefix })))
  })
})
