import { type MaybePromise, nodeCrypto } from './backend.js'

/**
 * The Standard Webhooks key formats: `whsec_` (an HMAC secret, shared), `whsk_` (an ed25519 secret key: its 32-byte
 * seed, kept by the sender) and `whpk_` (the raw 32-byte ed25519 public key, given to receivers), each followed by
 * base64.
 */

const PREFIX = { secret: 'whsec_', secretKey: 'whsk_', publicKey: 'whpk_' } as const
const ED25519_KEY_BYTES = 32
// DER headers that turn a raw ed25519 seed into PKCS #8 and a raw public key into SPKI (RFC 8410).
const PKCS8_ED25519_HEAD = [
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]
const SPKI_ED25519_HEAD = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]

/** The kind of a key by its prefix. @example `webhookKeyKind('whpk_…')` // 'publicKey' */
export type WebhookKeyKind = keyof typeof PREFIX

/** Base64 of bytes (standard alphabet, padded). @example `bytesToBase64(new Uint8Array([1, 2]))` // 'AQI=' */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/**
 * Bytes of standard base64, `undefined` when it is not base64.
 *
 * @example `base64ToBytes('AQI=')` // Uint8Array [1, 2]
 */
export function base64ToBytes(encoded: string): Uint8Array | undefined {
  if (encoded.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined
  try {
    return Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))
  } catch {
    return undefined
  }
}

/**
 * Which kind of key a string is by its prefix: `secret` (`whsec_`, or bare base64 as older senders print it),
 * `secretKey` (`whsk_`) or `publicKey` (`whpk_`).
 *
 * @example
 * ```ts
 * webhookKeyKind('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw') // 'secret'
 * ```
 */
export function webhookKeyKind(key: string): WebhookKeyKind {
  if (key.startsWith(PREFIX.secretKey)) return 'secretKey'
  if (key.startsWith(PREFIX.publicKey)) return 'publicKey'
  return 'secret'
}

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
  const encoded = secret.startsWith(PREFIX.secret) ? secret.slice(PREFIX.secret.length) : secret
  const bytes = base64ToBytes(encoded)
  if (bytes === undefined) {
    throw new TypeError("webhook secret must be 'whsec_' followed by base64 (copy it from the endpoint's secret)")
  }
  return bytes
}

function parseEd25519Key(key: string, kind: 'secretKey' | 'publicKey'): Uint8Array {
  const prefix = PREFIX[kind]
  const bytes = key.startsWith(prefix) ? base64ToBytes(key.slice(prefix.length)) : undefined
  if (bytes?.byteLength !== ED25519_KEY_BYTES) {
    const what = kind === 'publicKey' ? "an ed25519 public key: 'whpk_'" : "an ed25519 secret key: 'whsk_'"
    throw new TypeError(
      `${what} followed by the base64 of 32 bytes was expected` +
        (kind === 'publicKey' ? " (copy the endpoint's public_key)" : ''),
    )
  }
  return bytes
}

/**
 * Decodes a `whsk_…` ed25519 secret key to its PKCS #8 form (what node:crypto and Web Crypto import); a
 * `TypeError` when it is not `whsk_` + base64 of a 32-byte seed.
 *
 * @example
 * ```ts
 * parseSigningSecretKey(generateSigningSecretKey()).byteLength // 48
 * ```
 */
export function parseSigningSecretKey(secretKey: string): Uint8Array {
  return Uint8Array.from([...PKCS8_ED25519_HEAD, ...parseEd25519Key(secretKey, 'secretKey')])
}

/**
 * Decodes a `whpk_…` ed25519 public key to its SPKI form; a `TypeError` when it is not `whpk_` + base64 of
 * 32 bytes.
 *
 * @example
 * ```ts
 * parseWebhookPublicKey(endpoint.public_key).byteLength // 44
 * ```
 */
export function parseWebhookPublicKey(publicKey: string): Uint8Array {
  return Uint8Array.from([...SPKI_ED25519_HEAD, ...parseEd25519Key(publicKey, 'publicKey')])
}

const defaultRandom = (bytes: Uint8Array): void => void crypto.getRandomValues(bytes)

function randomKey(prefix: string, randomBytes: (bytes: Uint8Array) => void): string {
  const bytes = new Uint8Array(32)
  randomBytes(bytes)
  return prefix + bytesToBase64(bytes)
}

/**
 * Makes a new endpoint secret: `whsec_` + base64 of 32 random bytes.
 *
 * @example
 * ```ts
 * generateWebhookSecret() // 'whsec_…'
 * ```
 */
export function generateWebhookSecret(randomBytes: (bytes: Uint8Array) => void = defaultRandom): string {
  return randomKey(PREFIX.secret, randomBytes)
}

/**
 * Makes a new ed25519 secret key: `whsk_` + base64 of a 32-byte random seed. Its public key is
 * {@link webhookPublicKey}.
 *
 * @example
 * ```ts
 * generateSigningSecretKey() // 'whsk_…'
 * ```
 */
export function generateSigningSecretKey(randomBytes: (bytes: Uint8Array) => void = defaultRandom): string {
  return randomKey(PREFIX.secretKey, randomBytes)
}

function base64UrlToBase64(text: string): string {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/')
  return base64 + '='.repeat((4 - (base64.length % 4)) % 4)
}

/**
 * The `whpk_…` public key of a `whsk_…` secret key: synchronous where node:crypto exists (Node, Bun, Deno), a
 * promise on Web Crypto.
 *
 * @example
 * ```ts
 * webhookPublicKey('whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=')
 * // 'whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g='
 * ```
 */
export function webhookPublicKey(secretKey: string): MaybePromise<string> {
  const pkcs8 = parseSigningSecretKey(secretKey)
  const fromJwk = (jwk: JsonWebKey) => PREFIX.publicKey + base64UrlToBase64(jwk.x!)
  if (nodeCrypto) {
    const privateKey = nodeCrypto.createPrivateKey({ key: pkcs8 as Buffer, format: 'der', type: 'pkcs8' })
    return fromJwk(nodeCrypto.createPublicKey(privateKey).export({ format: 'jwk' }))
  }
  return crypto.subtle
    .importKey('pkcs8', pkcs8 as BufferSource, { name: 'Ed25519' }, true, ['sign'])
    .then((key) => crypto.subtle.exportKey('jwk', key))
    .then(fromJwk)
}
