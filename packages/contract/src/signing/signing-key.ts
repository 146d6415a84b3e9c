import type { MaybePromise, SignedMessage } from './backend.js'
import { ed25519Signer } from './ed25519.js'
import { hmacSha256 } from './hmac.js'
import { parseSigningSecretKey, parseWebhookSecret, webhookKeyKind } from './keys.js'

/**
 * Standard Webhooks signature versions: `v1` HMAC-SHA256, `v1a` ed25519.
 *
 * @example `const v: SignatureVersion = 'v1a'`
 */
export type SignatureVersion = 'v1' | 'v1a'

/**
 * A key that signs: a `whsec_` secret (`v1`) or a `whsk_` ed25519 secret key (`v1a`), prepared once.
 *
 * @example
 * ```ts
 * const key: WebhookSigningKey = createSigningKey(secret)
 * `${key.version},${await key.sign(message)}`
 * ```
 */
export interface WebhookSigningKey {
  readonly version: SignatureVersion
  /** The base64 signature of a message (without the version prefix); synchronous on node:crypto. */
  sign(message: SignedMessage): MaybePromise<string>
}

/**
 * Prepares a signing key from `whsec_…` (HMAC, or bare base64) or `whsk_…` (ed25519); a `TypeError` for a
 * public key or a malformed one.
 *
 * @example
 * ```ts
 * createSigningKey('whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=').version // 'v1a'
 * ```
 */
export function createSigningKey(key: string): WebhookSigningKey {
  const kind = webhookKeyKind(key)
  if (kind === 'publicKey') {
    throw new TypeError('a whpk_ public key only verifies signatures: sign with its whsk_ secret key')
  }
  if (kind === 'secretKey') return { version: 'v1a', sign: ed25519Signer(parseSigningSecretKey(key)) }
  return { version: 'v1', sign: hmacSha256(parseWebhookSecret(key)) }
}

/**
 * The `webhook-signature` header value for a message: `<version>,<signature>` per key, space-separated (several
 * keys during a rotation, of either kind). Synchronous when every key is.
 *
 * @example
 * ```ts
 * signatureHeader([createSigningKey(current), createSigningKey(previous)], 'evt_1.1764237600.{}') // 'v1a,… v1,…'
 * ```
 */
export function signatureHeader(keys: readonly WebhookSigningKey[], message: SignedMessage): MaybePromise<string> {
  const signatures = keys.map((key) => key.sign(message))
  const entry = (key: WebhookSigningKey, signature: string) => `${key.version},${signature}`
  if (signatures.every((s) => typeof s === 'string')) {
    return signatures.map((s, i) => entry(keys[i]!, s)).join(' ')
  }
  return Promise.all(signatures).then((all) => all.map((s, i) => entry(keys[i]!, s)).join(' '))
}
