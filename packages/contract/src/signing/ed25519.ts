import { type MaybePromise, messageBytes, nodeCrypto, type SignedMessage } from './backend.js'
import { bytesToBase64 } from './keys.js'

/**
 * Ed25519 signing and verification on node:crypto (synchronous) or Web Crypto (promises), the key imported once.
 * Keys come DER-encoded from {@link parseSigningSecretKey} and {@link parseWebhookPublicKey}.
 */

/**
 * A base64 ed25519 signer for a PKCS #8 secret key.
 *
 * @example
 * ```ts
 * ed25519Signer(parseSigningSecretKey(secretKey))('evt_1.1764237600.{}') // 'base64 of 64 bytes'
 * ```
 */
export function ed25519Signer(pkcs8: Uint8Array): (message: SignedMessage) => MaybePromise<string> {
  if (nodeCrypto) {
    const crypto = nodeCrypto
    const key = crypto.createPrivateKey({ key: pkcs8 as Buffer, format: 'der', type: 'pkcs8' })
    return (message) => crypto.sign(null, messageBytes(message), key).toString('base64')
  }
  const imported = globalThis.crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, { name: 'Ed25519' }, false, [
    'sign',
  ])
  return async (message) => {
    const signature = await globalThis.crypto.subtle.sign(
      'Ed25519',
      await imported,
      messageBytes(message) as BufferSource,
    )
    return bytesToBase64(new Uint8Array(signature))
  }
}

/**
 * An ed25519 check for an SPKI public key: whether `signature` (raw, 64 bytes) signs the message.
 *
 * @example
 * ```ts
 * ed25519Verifier(parseWebhookPublicKey(publicKey))(message, signature) // true
 * ```
 */
export function ed25519Verifier(
  spki: Uint8Array,
): (message: SignedMessage, signature: Uint8Array) => MaybePromise<boolean> {
  if (nodeCrypto) {
    const crypto = nodeCrypto
    const key = crypto.createPublicKey({ key: spki as Buffer, format: 'der', type: 'spki' })
    return (message, signature) => crypto.verify(null, messageBytes(message), key, signature)
  }
  const imported = globalThis.crypto.subtle.importKey('spki', spki as BufferSource, { name: 'Ed25519' }, false, [
    'verify',
  ])
  return async (message, signature) =>
    globalThis.crypto.subtle.verify(
      'Ed25519',
      await imported,
      signature as BufferSource,
      messageBytes(message) as BufferSource,
    )
}
