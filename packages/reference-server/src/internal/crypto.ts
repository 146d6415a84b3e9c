import * as nodeCrypto from 'node:crypto'
import { createHash, getRandomValues, timingSafeEqual } from 'node:crypto'

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
