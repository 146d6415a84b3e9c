import * as nodeCrypto from 'node:crypto'
import { createCipheriv, createDecipheriv, createHash, getRandomValues, timingSafeEqual } from 'node:crypto'

/** The only place that touches node:crypto: hashing, constant-time comparison and random strings. */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

// The one-shot `crypto.hash` (Node ≥ 20.12) is about twice as fast as createHash; it runs on every request.
const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: string, encoding: 'buffer') => Buffer }).hash

/** SHA-256 of a string, as bytes. */
export function sha256(value: string): Uint8Array {
  return oneShot ? oneShot('sha256', value, 'buffer') : createHash('sha256').update(value).digest()
}

/** SHA-256 of a string, as hex (for fingerprints that are compared by equality, not secrets). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/** Compares two digests in constant time. */
export function digestsEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b)
}

/** `length` random base62 characters, without modulo bias. */
export function randomBase62(length: number): string {
  let out = ''
  const bytes = new Uint8Array(length * 2)
  while (out.length < length) {
    getRandomValues(bytes)
    for (const byte of bytes) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62]
    }
  }
  return out
}

/** Fills bytes with cryptographic randomness (the shape the contract's `generateWebhookSecret` takes). */
export function randomBytes(bytes: Uint8Array): void {
  getRandomValues(bytes)
}

/**
 * Encrypts `plaintext` with AES-256-GCM under a key derived from `secret` (SHA-256), so what is stored cannot be
 * read without the secret; `unseal` reverses it.
 */
export function seal(secret: string, plaintext: string): Uint8Array {
  const iv = new Uint8Array(12)
  getRandomValues(iv)
  const cipher = createCipheriv('aes-256-gcm', sha256(secret), iv)
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body])
}

/** Decrypts what {@link seal} made with the same `secret`. */
export function unseal(secret: string, sealed: Uint8Array): string {
  const bytes = Buffer.from(sealed)
  const decipher = createDecipheriv('aes-256-gcm', sha256(secret), bytes.subarray(0, 12))
  decipher.setAuthTag(bytes.subarray(12, 28))
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
}
