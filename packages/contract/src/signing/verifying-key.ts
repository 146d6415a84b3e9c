import type { MaybePromise, SignedMessage } from './backend.js'
import { constantTimeEqualAt } from './constant-time.js'
import { ed25519Verifier } from './ed25519.js'
import { hmacSha256 } from './hmac.js'
import { base64ToBytes, parseWebhookPublicKey, parseWebhookSecret, webhookKeyKind } from './keys.js'
import type { SignatureVersion } from './signing-key.js'

/**
 * A key that verifies: a `whsec_` secret (checks `v1` entries) or a `whpk_` ed25519 public key (checks `v1a`
 * entries), prepared once.
 *
 * @example
 * ```ts
 * const key: WebhookVerifyingKey = createVerifyingKey(publicKey)
 * await key.matches('evt_1.1764237600.{}', headers['webhook-signature']) // true
 * ```
 */
export interface WebhookVerifyingKey {
  readonly version: SignatureVersion
  /**
   * Whether any entry of this key's version in a space-separated `webhook-signature` header signs the message;
   * entries of other versions are skipped. Synchronous on node:crypto.
   */
  matches(message: SignedMessage, header: string): MaybePromise<boolean>
}

/**
 * Whether `test` holds for the `[start, end)` of some signature after `prefix` in a space-separated header; a plain
 * loop rather than a generator, as it runs on every delivery.
 */
function someEntry(header: string, prefix: string, test: (start: number, end: number) => boolean): boolean {
  for (let start = 0; start < header.length; ) {
    const space = header.indexOf(' ', start)
    const end = space === -1 ? header.length : space
    if (header.startsWith(prefix, start) && test(start + prefix.length, end)) return true
    start = end + 1
  }
  return false
}

function hmacKey(secret: Uint8Array): WebhookVerifyingKey {
  const mac = hmacSha256(secret)
  const scan = (expected: string, header: string) =>
    someEntry(header, 'v1,', (start, end) => constantTimeEqualAt(expected, header, start, end))
  return {
    version: 'v1',
    matches(message, header) {
      const expected = mac(message)
      return typeof expected === 'string' ? scan(expected, header) : expected.then((e) => scan(e, header))
    },
  }
}

function ed25519Key(spki: Uint8Array): WebhookVerifyingKey {
  const verify = ed25519Verifier(spki)
  return {
    version: 'v1a',
    matches(message, header) {
      const pending: Promise<boolean>[] = []
      const valid = someEntry(header, 'v1a,', (start, end) => {
        const signature = base64ToBytes(header.slice(start, end))
        if (signature?.byteLength !== 64) return false
        const answer = verify(message, signature)
        if (typeof answer !== 'boolean') pending.push(answer)
        return answer === true
      })
      if (valid || pending.length === 0) return valid
      return Promise.all(pending).then((all) => all.includes(true))
    },
  }
}

/**
 * Prepares a verifying key from `whsec_…` (HMAC, or bare base64) or `whpk_…` (ed25519); a `TypeError` for a
 * `whsk_` secret key (it stays with the sender: give receivers its public key) or a malformed key.
 *
 * @example
 * ```ts
 * createVerifyingKey('whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=').version // 'v1a'
 * ```
 */
export function createVerifyingKey(key: string): WebhookVerifyingKey {
  const kind = webhookKeyKind(key)
  if (kind === 'secretKey') {
    throw new TypeError("a whsk_ secret key must stay with the sender: verify with the endpoint's whpk_ public_key")
  }
  return kind === 'publicKey' ? ed25519Key(parseWebhookPublicKey(key)) : hmacKey(parseWebhookSecret(key))
}
