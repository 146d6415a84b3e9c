import { describe, expect, it } from 'vitest'
import { type ClaimResult, memoryDedupe } from '../../src/index.js'

function clock(start = 0) {
  let time = start
  return { now: () => time, advance: (ms: number) => void (time += ms) }
}

async function claimToken(result: Promise<ClaimResult>): Promise<string> {
  const claim = await result
  if (claim.status !== 'new') throw new Error(`expected a new claim, got ${claim.status}`)
  return claim.token
}

describe('memoryDedupe', () => {
  it('claims an id once: new, then in_flight until completed, then duplicate', async () => {
    const store = memoryDedupe()
    const first = await store.claim('evt_1')
    expect(first).toEqual({ status: 'new', token: expect.any(String) })
    expect(await store.claim('evt_1')).toEqual({ status: 'in_flight' })
    await store.complete('evt_1', (first as { token: string }).token)
    expect(await store.claim('evt_1')).toEqual({ status: 'duplicate' })
  })

  it('gives a released id back, so the retry claims it anew', async () => {
    const store = memoryDedupe()
    const token = await claimToken(store.claim('evt_1'))
    await store.release('evt_1', token)
    expect((await store.claim('evt_1')).status).toBe('new')
  })

  it('lets only the owner complete or release a claim', async () => {
    const store = memoryDedupe()
    await claimToken(store.claim('evt_1'))
    await store.complete('evt_1', 'someone-else')
    await store.release('evt_1', 'someone-else')
    expect(await store.claim('evt_1')).toEqual({ status: 'in_flight' })
  })

  it('expires an in-flight claim after inFlightTtlMs (a crashed handler) and a done id after ttlMs', async () => {
    const time = clock()
    const store = memoryDedupe({ inFlightTtlMs: 1000, ttlMs: 5000, now: time.now })
    const stale = await claimToken(store.claim('evt_1'))
    time.advance(999)
    expect((await store.claim('evt_1')).status).toBe('in_flight')
    time.advance(1)
    const token = await claimToken(store.claim('evt_1'))
    // The first owner's late completion does not override the new owner's claim.
    await store.complete('evt_1', stale)
    expect((await store.claim('evt_1')).status).toBe('in_flight')
    await store.complete('evt_1', token)
    time.advance(4999)
    expect((await store.claim('evt_1')).status).toBe('duplicate')
    time.advance(1)
    expect((await store.claim('evt_1')).status).toBe('new')
  })

  it('marks an id done when its claim lapsed but nobody claimed it since', async () => {
    const time = clock()
    const store = memoryDedupe({ inFlightTtlMs: 10, now: time.now })
    const token = await claimToken(store.claim('evt_1'))
    time.advance(50)
    await store.complete('evt_1', token)
    expect((await store.claim('evt_1')).status).toBe('duplicate')
  })

  it('keeps at most max ids, forgetting the least recently used first', async () => {
    const store = memoryDedupe({ max: 3 })
    for (const id of ['a', 'b', 'c']) await store.complete(id, await claimToken(store.claim(id)))
    expect((await store.claim('a')).status).toBe('duplicate') // a is now the most recently used
    await store.complete('d', await claimToken(store.claim('d'))) // evicts b
    expect(store.size).toBe(3)
    expect((await store.claim('b')).status).toBe('new') // evicts c
    expect((await store.claim('a')).status).toBe('duplicate')
    expect((await store.claim('d')).status).toBe('duplicate')
    expect((await store.claim('c')).status).toBe('new')
  })

  it('stays bounded under many ids', async () => {
    const store = memoryDedupe({ max: 100 })
    for (let i = 0; i < 5000; i++) await store.complete(`evt_${i}`, await claimToken(store.claim(`evt_${i}`)))
    expect(store.size).toBe(100)
    expect((await store.claim('evt_4999')).status).toBe('duplicate')
    expect((await store.claim('evt_0')).status).toBe('new')
  })

  it('refuses options that are not positive integers', () => {
    expect(() => memoryDedupe({ max: 0 })).toThrow('max must be a positive integer, got 0')
    expect(() => memoryDedupe({ ttlMs: 1.5 })).toThrow('ttlMs must be a positive integer, got 1.5')
    expect(() => memoryDedupe({ inFlightTtlMs: -1 })).toThrow('inFlightTtlMs must be a positive integer, got -1')
  })
})
