import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { describe, expect, it } from 'vitest'
import {
  constantTimeEqualAt,
  createSigningKey,
  createVerifyingKey,
  generateSigningSecretKey,
  generateWebhookSecret,
  parseSigningSecretKey,
  parseWebhookPublicKey,
  parseWebhookSecret,
  signWebhook,
  signWithSecret,
} from '../src/index.js'
import { describeSigning, vectors } from './signing-vectors.js'

describeSigning('node:crypto', true)

const body = JSON.stringify({ id: 'evt_1', type: 'booking.created', data: { n: 1 } })

describe('signing primitives', () => {
  it('generates whsec_ secrets of 32 random bytes', () => {
    const secret = generateWebhookSecret()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(parseWebhookSecret(secret).byteLength).toBe(32)
    expect(generateWebhookSecret()).not.toBe(secret)
  })

  it('signs so that the standardwebhooks and svix libraries verify', async () => {
    const secret = generateWebhookSecret()
    const timestamp = Math.floor(Date.now() / 1000)
    const headers = await signWebhook({ secret, id: 'evt_1', timestamp, body })
    expect(new StandardWebhook(secret).verify(body, headers)).toEqual(JSON.parse(body))
    const svixHeaders = {
      'svix-id': headers['webhook-id'],
      'svix-timestamp': headers['webhook-timestamp'],
      'svix-signature': headers['webhook-signature'],
    }
    expect(new SvixWebhook(secret).verify(body, svixHeaders)).toEqual(JSON.parse(body))
  })

  it('matches the signature the standardwebhooks library makes', async () => {
    const secret = generateWebhookSecret()
    const date = new Date('2026-11-27T10:00:00Z')
    const theirs = new StandardWebhook(secret).sign('evt_9', date, body)
    expect(`v1,${await signWithSecret(secret, 'evt_9', date.getTime() / 1000, body)}`).toBe(theirs)
  })

  it('puts one signature per secret in the header (rotation)', async () => {
    const [a, b] = [generateWebhookSecret(), generateWebhookSecret()]
    const headers = await signWebhook({ secret: [a, b], id: 'evt_1', timestamp: 1_764_237_600, body })
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    expect(headers['webhook-timestamp']).toBe('1764237600')
  })

  it('refuses a secret that is not base64', () => {
    expect(() => parseWebhookSecret('whsec_')).toThrow(/whsec_' followed by base64/)
    expect(() => parseWebhookSecret('whsec_not base64!')).toThrow(TypeError)
  })
})

describe('ed25519 keys', () => {
  it('generates whsk_ secret keys of a 32-byte seed', () => {
    const key = generateSigningSecretKey()
    expect(key).toMatch(/^whsk_[A-Za-z0-9+/]{43}=$/)
    expect(parseSigningSecretKey(key).byteLength).toBe(48) // PKCS #8: a 16-byte header and the seed
    expect(generateSigningSecretKey()).not.toBe(key)
  })

  it('signs a rotation mixing both kinds, one signature per key in the given order', async () => {
    const headers = await signWebhook({
      secret: [vectors.secretKey, vectors.secret],
      id: vectors.id,
      timestamp: vectors.timestamp,
      body: vectors.body,
    })
    expect(headers['webhook-signature']).toBe(`${vectors.v1a} ${vectors.v1}`)
  })

  it('refuses keys of the wrong kind or shape with a TypeError saying what to use', () => {
    expect(() => createSigningKey(vectors.publicKey)).toThrow(
      'a whpk_ public key only verifies signatures: sign with its whsk_ secret key',
    )
    expect(() => createVerifyingKey(vectors.secretKey)).toThrow(
      "a whsk_ secret key must stay with the sender: verify with the endpoint's whpk_ public_key",
    )
    expect(() => parseWebhookPublicKey('whpk_AAAA')).toThrow(
      "an ed25519 public key: 'whpk_' followed by the base64 of 32 bytes was expected (copy the endpoint's public_key)",
    )
    expect(() => parseSigningSecretKey('whsk_not base64')).toThrow(
      "an ed25519 secret key: 'whsk_' followed by the base64 of 32 bytes was expected",
    )
  })
})

describe('constantTimeEqualAt', () => {
  it('compares the characters in place, and nothing of another length', () => {
    const header = 'v1,abc= v1,abd='
    expect(constantTimeEqualAt('abc=', header, 3, 7)).toBe(true)
    expect(constantTimeEqualAt('abd=', header, 11, 15)).toBe(true)
    expect(constantTimeEqualAt('abd=', header, 3, 7)).toBe(false)
    expect(constantTimeEqualAt('abc', header, 3, 7)).toBe(false)
    expect(constantTimeEqualAt('', header, 3, 3)).toBe(true)
  })
})
