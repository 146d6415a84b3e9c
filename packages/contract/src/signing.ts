/**
 * Standard Webhooks signing and verification, the one implementation the sender (the reference server) and the
 * receiver (`@octopuspro/webhooks`) share: HMAC-SHA256 (`v1`, `whsec_` secrets) and ed25519 (`v1a`, `whsk_` secret
 * keys and `whpk_` public keys), on node:crypto where the runtime has it and on Web Crypto elsewhere.
 * https://www.standardwebhooks.com
 */
import { createSigningKey, signatureHeader } from './signing/signing-key.js'

export type { MaybePromise, SignedMessage } from './signing/backend.js'
export { constantTimeEqualAt } from './signing/constant-time.js'
export {
  base64ToBytes,
  bytesToBase64,
  generateSigningSecretKey,
  generateWebhookSecret,
  parseSigningSecretKey,
  parseWebhookPublicKey,
  parseWebhookSecret,
  type WebhookKeyKind,
  webhookKeyKind,
  webhookPublicKey,
} from './signing/keys.js'
export {
  createSigningKey,
  type SignatureVersion,
  signatureHeader,
  type WebhookSigningKey,
} from './signing/signing-key.js'
export { createVerifyingKey, type WebhookVerifyingKey } from './signing/verifying-key.js'

/**
 * The content a signature covers: `${id}.${timestamp}.${body}`.
 *
 * @example
 * ```ts
 * signedContent('evt_1', 1764237600, '{}') // 'evt_1.1764237600.{}'
 * ```
 */
export function signedContent(id: string, timestamp: number | string, body: string): string {
  return `${id}.${timestamp}.${body}`
}

/**
 * Signs one message with one key, `whsec_…` or `whsk_…`: the base64 signature of the signed content (without the
 * `v1,` or `v1a,` prefix).
 *
 * @example
 * ```ts
 * await signWithSecret(secret, 'evt_1', 1764237600, body)
 * ```
 */
export async function signWithSecret(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  return createSigningKey(secret).sign(signedContent(id, timestamp, body))
}

/**
 * Options of {@link signWebhook}.
 *
 * @example
 * ```ts
 * const options: SignWebhookOptions = {
 *   secret,
 *   id: event.id,
 *   timestamp: Math.floor(Date.now() / 1000),
 *   body: JSON.stringify(event),
 * }
 * ```
 */
export interface SignWebhookOptions {
  /**
   * One key, or several (during a rotation): each gives one signature in the header. A `whsec_` secret signs
   * `v1` (HMAC), a `whsk_` secret key signs `v1a` (ed25519); they may be mixed.
   */
  secret: string | readonly string[]
  /** The `webhook-id` (the event id). */
  id: string
  /** Unix seconds. */
  timestamp: number
  /** The exact raw body that will be sent. */
  body: string
}

/**
 * The Standard Webhooks headers for a body: `webhook-id`, `webhook-timestamp` and `webhook-signature`
 * (`v1,<sig>` or `v1a,<sig>`, space-separated, one per key).
 *
 * @example
 * ```ts
 * const headers = await signWebhook({ secret, id: event.id, timestamp: Math.floor(Date.now() / 1000), body })
 * await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body })
 * ```
 */
export async function signWebhook(
  options: SignWebhookOptions,
): Promise<Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>> {
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret
  const signature = await signatureHeader(
    secrets.map(createSigningKey),
    signedContent(options.id, options.timestamp, options.body),
  )
  return {
    'webhook-id': options.id,
    'webhook-timestamp': String(options.timestamp),
    'webhook-signature': signature,
  }
}
