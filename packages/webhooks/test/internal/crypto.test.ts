import * as nodeCrypto from 'node:crypto'
import { createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { constantTimeEqualAt, createHmacSha256, nodeHmacSha256, webHmacSha256 } from '../../src/internal/crypto.js'

describe('HMAC-SHA256', () => {
  it('gives the same base64 MAC on node:crypto and Web Crypto, for text and for a prefix with bytes', async () => {
    const key = randomBytes(24)
    const text = 'evt_1.1795770000.{"héllo":"wörld"}'
    const split = ['evt_1.1795770000.', new TextEncoder().encode('{"héllo":"wörld"}')] as const
    const expected = createHmac('sha256', key).update(text).digest('base64')
    for (const hmac of [webHmacSha256(key), nodeHmacSha256(nodeCrypto, key)]) {
      expect(await hmac(text)).toBe(expected)
      expect(await hmac(split)).toBe(expected)
    }
  })

  it('is synchronous on Node', () => {
    expect(createHmacSha256(randomBytes(24))('message')).toBeTypeOf('string')
  })
})

describe('constantTimeEqualAt', () => {
  it('compares a string with a span of another', () => {
    const header = 'v1,abc= v1,abd='
    expect(constantTimeEqualAt('abc=', header, 3, 7)).toBe(true)
    expect(constantTimeEqualAt('abd=', header, 11, 15)).toBe(true)
    expect(constantTimeEqualAt('abd=', header, 3, 7)).toBe(false)
    expect(constantTimeEqualAt('abc', header, 3, 7)).toBe(false)
    expect(constantTimeEqualAt('', header, 3, 3)).toBe(true)
  })
})
