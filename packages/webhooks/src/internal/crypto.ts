import type * as NodeCrypto from 'node:crypto'
import { concatBytes } from './bytes.js'

/**
 * HMAC-SHA256 and constant-time comparison, on node:crypto where the runtime has it (Node, Bun, Deno: its
 * synchronous HMAC is several times faster than an awaited Web Crypto sign) and on Web Crypto elsewhere
 * (Workers, browsers). Keys are prepared once, when the secret is configured.
 */

type NodeCryptoModule = typeof NodeCrypto

// `process.getBuiltinModule` loads node:crypto without an import a bundler for Workers or browsers would choke on.
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCryptoModule | undefined

const encoder = new TextEncoder()

/** A piece of the signed message; the parts are hashed as if concatenated. */
export type MessagePart = string | Uint8Array

/** HMAC-SHA256 with one key; synchronous on node:crypto, a promise on Web Crypto. */
export type HmacSha256 = (parts: readonly MessagePart[]) => Uint8Array | Promise<Uint8Array>

/** HMAC-SHA256 on node:crypto, the key turned into a KeyObject once. */
export function nodeHmacSha256(crypto: NodeCryptoModule, key: Uint8Array): HmacSha256 {
  const keyObject = crypto.createSecretKey(key)
  return (parts) => {
    const hmac = crypto.createHmac('sha256', keyObject)
    for (const part of parts) hmac.update(part)
    return hmac.digest()
  }
}

/** HMAC-SHA256 on Web Crypto, the key imported once. */
export function webHmacSha256(key: Uint8Array): HmacSha256 {
  const imported = crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return async (parts) => new Uint8Array(await crypto.subtle.sign('HMAC', await imported, concatParts(parts) as BufferSource))
}

/** HMAC-SHA256 with `key`, on the fastest implementation the runtime has. */
export function createHmacSha256(key: Uint8Array): HmacSha256 {
  return nodeCrypto ? nodeHmacSha256(nodeCrypto, key) : webHmacSha256(key)
}

function concatParts(parts: readonly MessagePart[]): Uint8Array {
  return concatBytes(parts.map((part) => (typeof part === 'string' ? encoder.encode(part) : part)))
}

/**
 * Whether two byte arrays are equal, in time that depends only on their length (so a forged signature cannot be
 * guessed byte by byte).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  if (nodeCrypto) return nodeCrypto.timingSafeEqual(a, b)
  let diff = 0
  for (let i = 0; i < a.byteLength; i++) diff |= (a[i] as number) ^ (b[i] as number)
  return diff === 0
}
