import { createHmac, randomBytes } from 'node:crypto'
import * as nodeCrypto from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64 } from '../../src/internal/base64.js'
import { constantTimeEqual, createHmacSha256, nodeHmacSha256, webHmacSha256 } from '../../src/internal/crypto.js'

describe('HMAC-SHA256', () => {
  it('gives the same MAC on node:crypto, Web Crypto and the default, over any split of the message', async () => {
    const key = randomBytes(24)
    const parts = ['evt_1.1764234000.', new TextEncoder().encode('{"héllo":"wörld"}')]
    const expected = createHmac('sha256', key).update('evt_1.1764234000.{"héllo":"wörld"}').digest()
    expect(Buffer.from(await webHmacSha256(key)(parts))).toEqual(expected)
    expect(Buffer.from(await nodeHmacSha256(nodeCrypto, key)(parts))).toEqual(expected)
    // On Node the default is the synchronous node:crypto one.
    expect(createHmacSha256(key)(parts)).toBeInstanceOf(Uint8Array)
  })
})

describe('constantTimeEqual', () => {
  it('compares bytes', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true)
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false)
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2))).toBe(false)
  })
})

describe('decodeBase64', () => {
  it('decodes what Buffer encodes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(decodeBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes)
      }),
    )
  })

  it('refuses text that is not padded standard base64', () => {
    for (const text of ['abc', 'ab!d', 'ab-_', 'a===', 'é123']) expect(decodeBase64(text)).toBeUndefined()
  })
})
