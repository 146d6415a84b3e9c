import { type MaybePromise, messageBytes, nodeCrypto, type SignedMessage } from './backend.js'
import { bytesToBase64 } from './keys.js'

/**
 * Base64 HMAC-SHA256 with one key, the key prepared once: synchronous on node:crypto, a promise on Web Crypto.
 *
 * @example
 * ```ts
 * const mac = hmacSha256(parseWebhookSecret(secret))
 * mac('evt_1.1764237600.{}') // 'base64…'
 * ```
 */
export function hmacSha256(key: Uint8Array): (message: SignedMessage) => MaybePromise<string> {
  return nodeCrypto ? nodeHmacSha256(nodeCrypto, key) : webHmacSha256(key)
}

/** HMAC-SHA256 on node:crypto, the key turned into a KeyObject once. @example `nodeHmacSha256(nodeCrypto, key)('m')` */
export function nodeHmacSha256(
  crypto: NonNullable<typeof nodeCrypto>,
  key: Uint8Array,
): (message: SignedMessage) => string {
  const keyObject = crypto.createSecretKey(key)
  return (message) => {
    const hmac = crypto.createHmac('sha256', keyObject)
    if (typeof message === 'string') return hmac.update(message).digest('base64')
    return hmac.update(message[0]).update(message[1]).digest('base64')
  }
}

/** HMAC-SHA256 on Web Crypto, the key imported once. @example `await webHmacSha256(key)('m')` */
export function webHmacSha256(key: Uint8Array): (message: SignedMessage) => Promise<string> {
  const imported = crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ])
  return async (message) =>
    bytesToBase64(
      new Uint8Array(await crypto.subtle.sign('HMAC', await imported, messageBytes(message) as BufferSource)),
    )
}
