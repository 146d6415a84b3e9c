import type * as NodeCrypto from 'node:crypto'
import { bytesToBase64, concatBytes } from '@octopuspro/contract'

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

/** The signed message: text, or a text prefix followed by raw bytes. */
export type SignedMessage = string | readonly [prefix: string, body: Uint8Array]

/** Base64 HMAC-SHA256 with one key; synchronous on node:crypto, a promise on Web Crypto. */
export type HmacSha256 = (message: SignedMessage) => string | Promise<string>

/** HMAC-SHA256 on node:crypto, the key turned into a KeyObject once. */
export function nodeHmacSha256(crypto: NodeCryptoModule, key: Uint8Array): HmacSha256 {
  const keyObject = crypto.createSecretKey(key)
  return (message) => {
    const hmac = crypto.createHmac('sha256', keyObject)
    if (typeof message === 'string') return hmac.update(message).digest('base64')
    return hmac.update(message[0]).update(message[1]).digest('base64')
  }
}

/** HMAC-SHA256 on Web Crypto, the key imported once. */
export function webHmacSha256(key: Uint8Array): HmacSha256 {
  const imported = crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ])
  return async (message) => {
    const bytes =
      typeof message === 'string' ? encoder.encode(message) : concatBytes([encoder.encode(message[0]), message[1]])
    return bytesToBase64(new Uint8Array(await crypto.subtle.sign('HMAC', await imported, bytes as BufferSource)))
  }
}

/** HMAC-SHA256 with `key`, on the fastest implementation the runtime has. */
export function createHmacSha256(key: Uint8Array): HmacSha256 {
  return nodeCrypto ? nodeHmacSha256(nodeCrypto, key) : webHmacSha256(key)
}

/**
 * Whether `expected` equals the `expected.length` characters of `text` at `offset` (and `text` has exactly that many
 * there), in time that depends only on the length, so a forged signature cannot be guessed character by character.
 * Reading in place spares slicing the header.
 */
export function constantTimeEqualAt(expected: string, text: string, offset: number, end: number): boolean {
  if (end - offset !== expected.length) return false
  let diff = 0
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ text.charCodeAt(offset + i)
  return diff === 0
}
