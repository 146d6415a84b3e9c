import { createSigningKey, signatureHeader, signedContent, type WebhookSigningKey } from '@octopuspro/contract'

/** Keys beyond this many are dropped oldest first (a rotated-out key is not used again). */
const MAX_CACHED_KEYS = 1000

/**
 * Makes `webhook-signature` header values with the contract's signer (`v1` for `whsec_` secrets, `v1a` for `whsk_`
 * ed25519 keys), each key prepared once and reused for every attempt: at thousands of deliveries a second, importing
 * a key per message would cost more than signing it.
 *
 * @example
 * ```ts
 * const signer = new SignatureSigner()
 * signer.header([current, previous], event.id, 1764237600, new TextEncoder().encode(json)) // 'v1,… v1a,…'
 * ```
 */
export class SignatureSigner {
  readonly #keys = new Map<string, WebhookSigningKey>()

  /**
   * One `<version>,<signature>` per key, space-separated; synchronous on node:crypto. Throws a `TypeError` for a
   * key that is neither `whsec_…` nor `whsk_…`.
   */
  header(keys: readonly string[], id: string, timestamp: number, body: Uint8Array): string | Promise<string> {
    // The signed content is `${id}.${timestamp}.${body}`: its head, then the body bytes as they are sent.
    return signatureHeader(
      keys.map((key) => this.#key(key)),
      [signedContent(id, timestamp, ''), body],
    )
  }

  #key(text: string): WebhookSigningKey {
    let key = this.#keys.get(text)
    if (key === undefined) {
      if (this.#keys.size >= MAX_CACHED_KEYS) this.#keys.delete(this.#keys.keys().next().value!)
      key = createSigningKey(text)
      this.#keys.set(text, key)
    }
    return key
  }
}
