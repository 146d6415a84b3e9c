import { describe, expect, it } from 'vitest'
import {
  createSigningKey,
  createVerifyingKey,
  generateSigningSecretKey,
  signatureHeader,
  webhookPublicKey,
} from '../src/index.js'

/**
 * The test vectors of the Standard Webhooks libraries (github.com/standard-webhooks/standard-webhooks):
 * the symmetric one of the spec and its JavaScript library, the asymmetric one of libraries/go
 * (webhook_asymmetric_test.go, TestAsymmetricWebhookSign; ed25519 is deterministic, so the signature is fixed).
 */
export const vectors = {
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  v1: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  secretKey: 'whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=',
  publicKey: 'whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=',
  v1a: 'v1a,tQ9V2XOqn7jL/DQenEFpqIugdBVtiMmER5mhSkXBNwM0mkATuDe6KYYUuxqtaiHeYGb7KaaBRdM5WqyeFiL8Ag==',
}
const content = `${vectors.id}.${vectors.timestamp}.${vectors.body}`
const bytes: readonly [string, Uint8Array] = [
  `${vectors.id}.${vectors.timestamp}.`,
  new TextEncoder().encode(vectors.body),
]

/** The same checks on either backend: `sync` says whether answers come synchronously (node:crypto) or not. */
export function describeSigning(backend: string, sync: boolean): void {
  const answer = (value: unknown) => {
    expect(value instanceof Promise).toBe(!sync)
    return value
  }

  describe(`signing on ${backend}`, () => {
    it('signs the Standard Webhooks vectors: v1 with the whsec_ secret, v1a with the whsk_ secret key', async () => {
      const [hmac, ed25519] = [createSigningKey(vectors.secret), createSigningKey(vectors.secretKey)]
      expect(await answer(signatureHeader([hmac], content))).toBe(vectors.v1)
      expect(await answer(signatureHeader([ed25519], bytes))).toBe(vectors.v1a)
      expect(await signatureHeader([hmac], bytes)).toBe(vectors.v1)
      expect(await signatureHeader([ed25519, hmac], content)).toBe(`${vectors.v1a} ${vectors.v1}`)
    })

    it('derives the whpk_ public key of a whsk_ secret key', async () => {
      expect(await answer(webhookPublicKey(vectors.secretKey))).toBe(vectors.publicKey)
      expect(await webhookPublicKey(generateSigningSecretKey())).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/)
    })

    it('verifies the vectors, each key only its own version, in a header of several', async () => {
      const [hmac, ed25519] = [createVerifyingKey(vectors.secret), createVerifyingKey(vectors.publicKey)]
      expect([hmac.version, ed25519.version]).toEqual(['v1', 'v1a'])
      const header = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,x ${vectors.v1a} ${vectors.v1}`
      expect(await answer(hmac.matches(content, header))).toBe(true)
      expect(await answer(ed25519.matches(bytes, header))).toBe(true)
      // a v1a signature is not read as v1, nor the other way round
      expect(await hmac.matches(content, `v1,${vectors.v1a.slice(4)}`)).toBe(false)
      expect(await ed25519.matches(content, `v1a,${vectors.v1.slice(3)}`)).toBe(false)
    })

    it('refuses what the Go library refuses: an invalid, a partial and a tampered signature', async () => {
      const ed25519 = createVerifyingKey(vectors.publicKey)
      expect(await ed25519.matches(content, 'v1a,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=')).toBe(false)
      expect(await ed25519.matches(content, 'v1a,')).toBe(false)
      expect(await ed25519.matches(`${content} `, vectors.v1a)).toBe(false)
      expect(await ed25519.matches(content, `${vectors.v1a.slice(0, -4)}AAA=`)).toBe(false)
      const other = createVerifyingKey(await webhookPublicKey(generateSigningSecretKey()))
      expect(await other.matches(content, vectors.v1a)).toBe(false)
    })
  })
}
