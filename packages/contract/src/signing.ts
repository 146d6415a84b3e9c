/**
 * Standard Webhooks signing primitives on Web Crypto (no Node-only imports): the sender signs with them, and
 * users' tests sign with them. https://www.standardwebhooks.com
 */

const SECRET_PREFIX = 'whsec_'
const encoder = new TextEncoder()

/**
 * Decodes a `whsec_…` secret (or a bare base64 one) to its key bytes; throws a `TypeError` naming the problem
 * when it is not base64 or is empty.
 *
 * @example
 * ```ts
 * parseWebhookSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').byteLength // 24
 * ```
 */
export function parseWebhookSecret(secret: string): Uint8Array {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret
  if (encoded.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new TypeError("webhook secret must be 'whsec_' followed by base64 (copy it from the endpoint's secret)")
  }
  return Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))
}

/**
 * Makes a new endpoint secret: `whsec_` + base64 of 32 random bytes.
 *
 * @example
 * ```ts
 * generateWebhookSecret() // 'whsec_…'
 * ```
 */
export function generateWebhookSecret(
  randomBytes: (bytes: Uint8Array) => void = (b) => void crypto.getRandomValues(b),
): string {
  const bytes = new Uint8Array(32)
  randomBytes(bytes)
  return SECRET_PREFIX + bytesToBase64(bytes)
}

/** Base64 of bytes (standard alphabet, padded). @example `bytesToBase64(new Uint8Array([1, 2]))` // 'AQI=' */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

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
 * Signs one message with one secret: the base64 HMAC-SHA256 of the signed content (without the `v1,` prefix).
 *
 * @example
 * ```ts
 * await signWithSecret(secret, 'evt_1', 1764237600, body)
 * ```
 */
export async function signWithSecret(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    parseWebhookSecret(secret) as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(signedContent(id, timestamp, body)))
  return bytesToBase64(new Uint8Array(mac))
}

/** Options of {@link signWebhook}. @example `const options: SignWebhookOptions = { secret, id: event.id, timestamp: Math.floor(Date.now() / 1000), body: JSON.stringify(event) }` */
export interface SignWebhookOptions {
  /** One secret, or several (during a rotation): each gives one signature in the header. */
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
 * (`v1,<sig>`, space-separated, one per secret).
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
  const signatures = await Promise.all(
    secrets.map(async (secret) => `v1,${await signWithSecret(secret, options.id, options.timestamp, options.body)}`),
  )
  return {
    'webhook-id': options.id,
    'webhook-timestamp': String(options.timestamp),
    'webhook-signature': signatures.join(' '),
  }
}
