import { importSigningKey, signWithKey } from '@octopuspro/contract'

/** Secrets beyond this many are dropped oldest first (a rotated-out secret is not used again). */
const MAX_CACHED_KEYS = 1000

/**
 * Makes `webhook-signature` header values, importing each secret's HMAC key once and reusing it for every attempt.
 *
 * @example
 * ```ts
 * const signer = new SignatureSigner()
 * await signer.header([current, previous], event.id, 1764237600, body) // 'v1,… v1,…'
 * ```
 */
export class SignatureSigner {
  readonly #keys = new Map<string, Promise<CryptoKey>>()

  /** One `v1,<signature>` per secret, space-separated (Standard Webhooks). */
  async header(secrets: readonly string[], id: string, timestamp: number, body: string): Promise<string> {
    const signatures = await Promise.all(secrets.map(async (secret) => `v1,${await signWithKey(await this.#key(secret), id, timestamp, body)}`))
    return signatures.join(' ')
  }

  #key(secret: string): Promise<CryptoKey> {
    let key = this.#keys.get(secret)
    if (key === undefined) {
      if (this.#keys.size >= MAX_CACHED_KEYS) this.#keys.delete(this.#keys.keys().next().value!)
      key = importSigningKey(secret)
      key.catch(() => this.#keys.delete(secret))
      this.#keys.set(secret, key)
    }
    return key
  }
}
