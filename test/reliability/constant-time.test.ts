import * as nodeCrypto from 'node:crypto'
import { generateWebhookSecret } from '@octopuspro/contract'
import { createReferenceServer } from '@octopuspro/reference-server'
import { Webhooks } from '@octopuspro/webhooks'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import * as webhookCrypto from '../../packages/contract/src/signing/constant-time.js'
import { call } from './helpers/api.js'
import { recordFigures } from './helpers/results.js'
import { sign } from './helpers/sign.js'

// The comparisons under test, wrapped so calls can be counted and their answer overridden; by default they run as is.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>()
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) }
})
vi.mock('../../packages/contract/src/signing/constant-time.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../packages/contract/src/signing/constant-time.js')>()
  return { ...actual, constantTimeEqualAt: vi.fn(actual.constantTimeEqualAt) }
})

const timingSafeEqual = vi.mocked(nodeCrypto.timingSafeEqual)
const constantTimeEqualAt = vi.mocked(webhookCrypto.constantTimeEqualAt)
const realTimingSafeEqual = timingSafeEqual.getMockImplementation()!
const realConstantTimeEqualAt = constantTimeEqualAt.getMockImplementation()!

afterEach(() => {
  timingSafeEqual.mockReset().mockImplementation(realTimingSafeEqual)
  constantTimeEqualAt.mockReset().mockImplementation(realConstantTimeEqualAt)
})

/** Each test counts the inputs it tried (forged ones apart) and, once its assertions passed, that it held. */
const tally = { tests: 0, held: 0, inputs: 0, forged: 0 }
afterAll(() => {
  recordFigures({
    file: import.meta.url,
    id: '7-constant-time',
    title: 'Constant-time comparison (by code path)',
    summary: { tried: tally.inputs, faults: tally.forged, wrong: tally.tests - tally.held },
    figures: [
      {
        label: 'API key check: timingSafeEqual on SHA-256 digests, same work for an early or a late mismatch',
        value: 'checked',
      },
      {
        label:
          'webhook signature check: the constant-time helper reads every character for an early or a late mismatch',
        value: 'checked',
      },
      { label: 'comparisons shown to be the only gate (overriding them flips the outcome)', value: 2 },
      { label: 'code-path checks that held', value: `${tally.held} / ${tally.tests}` },
    ],
  })
})

/** Counts one test: its inputs, how many were forged, then (call `held()` last) that it passed. */
function counting(inputs: number, forged: number) {
  tally.tests++
  tally.inputs += inputs
  tally.forged += forged
  return { held: () => void tally.held++ }
}

/** A key with one character changed at `index` (to another base62 character). */
function changedAt(key: string, index: number): string {
  const replacement = key[index] === 'A' ? 'B' : 'A'
  return `${key.slice(0, index)}${replacement}${key.slice(index + 1)}`
}

describe('API keys are compared in constant time (by code path)', () => {
  it(
    'compares the SHA-256 digests of the presented and the stored secret with timingSafeEqual, never the secret ' +
      'itself',
    async () => {
      const test = counting(1, 0)
      const server = createReferenceServer()
      timingSafeEqual.mockClear()
      expect((await call(server, 'GET', '/account')).status).toBe(200)
      const digest = nodeCrypto.createHash('sha256').update(server.apiKey).digest()
      expect(timingSafeEqual).toHaveBeenCalledTimes(1)
      const [a, b] = timingSafeEqual.mock.calls[0]! as [Uint8Array, Uint8Array]
      expect([a.byteLength, b.byteLength]).toEqual([32, 32])
      expect(Buffer.from(a).equals(digest) && Buffer.from(b).equals(digest)).toBe(true)
      await server.close()
      test.held()
    },
  )

  it(
    'does the same comparison work whether a wrong key differs right after its public prefix or only in its last ' +
      'character',
    async () => {
      const test = counting(2, 2)
      const server = createReferenceServer()
      const work = async (key: string) => {
        timingSafeEqual.mockClear()
        const answer = await call(server, 'GET', '/account', { apiKey: key })
        return {
          status: answer.status,
          comparisons: timingSafeEqual.mock.calls.map((args) => (args as Uint8Array[]).map((x) => x.byteLength)),
        }
      }
      // opk_ + 4 characters are the key's public `prefix` (shown in lists); everything after is secret.
      const early = await work(changedAt(server.apiKey, 8))
      const late = await work(changedAt(server.apiKey, server.apiKey.length - 1))
      expect(early).toEqual({ status: 401, comparisons: [[32, 32]] })
      expect(late).toEqual(early)
      await server.close()
      test.held()
    },
  )

  it('lets timingSafeEqual alone decide: overriding it turns a right key away and lets a wrong one in', async () => {
    const test = counting(2, 1)
    const server = createReferenceServer()
    timingSafeEqual.mockImplementation(() => false)
    expect((await call(server, 'GET', '/account')).status).toBe(401)
    timingSafeEqual.mockImplementation(() => true)
    expect(
      (await call(server, 'GET', '/account', { apiKey: changedAt(server.apiKey, server.apiKey.length - 1) })).status,
    ).toBe(200)
    await server.close()
    test.held()
  })
})

describe('webhook signatures are compared in constant time (by code path)', () => {
  const secret = generateWebhookSecret()
  const webhooks = new Webhooks({ secret })
  const body = JSON.stringify({
    id: 'evt_ct',
    object: 'event',
    type: 'x.y',
    timestamp: new Date().toISOString(),
    api_version: '2026-11-01',
    data: {},
  })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const valid = sign(secret, 'evt_ct', timestamp, body)
  const headersWith = (signature: string) => ({
    'webhook-id': 'evt_ct',
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  })
  const outcome = (signature: string) =>
    webhooks.verify(body, headersWith(signature)).then(
      () => 'accepted',
      (error: { reason?: string }) => error.reason,
    )

  it('checks every v1 entry with the constant-time helper, over the whole signature', async () => {
    const test = counting(1, 0)
    constantTimeEqualAt.mockClear()
    expect(await outcome(valid)).toBe('accepted')
    expect(constantTimeEqualAt).toHaveBeenCalledTimes(1)
    const [expected, header, start, end] = constantTimeEqualAt.mock.calls[0]!
    expect([expected, header.slice(start, end)]).toEqual([valid, valid])
    test.held()
  })

  it('reads every character whether a forged signature differs in the first or the last one', () => {
    const test = counting(2, 2)
    const reads = (forged: string) => {
      const expected = Object.assign(new String(valid), { charCodeAt: vi.fn(String.prototype.charCodeAt) })
      const header = `v1,${forged}`
      const equal = realConstantTimeEqualAt(expected as unknown as string, header, 3, header.length)
      return { equal, reads: expected.charCodeAt.mock.calls.length }
    }
    const first = reads(`${valid[0] === 'A' ? 'B' : 'A'}${valid.slice(1)}`)
    const last = reads(`${valid.slice(0, -2)}${valid.at(-2) === 'A' ? 'B' : 'A'}=`)
    expect(first).toEqual({ equal: false, reads: valid.length })
    expect(last).toEqual(first)
    test.held()
  })

  it('lets the helper alone decide: overriding it refuses a valid signature and accepts a forged one', async () => {
    const test = counting(2, 1)
    constantTimeEqualAt.mockImplementationOnce(() => false)
    expect(await outcome(valid)).toBe('no_matching_signature')
    constantTimeEqualAt.mockImplementationOnce(() => true)
    expect(await outcome(`${valid.slice(0, -2)}A=`)).toBe('accepted')
    test.held()
  })
})
