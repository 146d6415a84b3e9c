import type { SignedMessage, WebhookVerifyingKey } from '@octopuspro/contract'
import { WebhookVerificationError } from '../errors/webhook-verification-error.js'
import type { HeaderLookup } from './headers.js'

/** What a signature check needs besides the request: the keys, the tolerance and a clock. */
export interface SignatureSettings {
  /** One key per configured secret and public key (several during a rotation). */
  keys: readonly WebhookVerifyingKey[]
  /** How far `webhook-timestamp` may be from now, in seconds, either way. */
  toleranceSeconds: number
  /** The current time in milliseconds. */
  now: () => number
}

/** Reads a Standard Webhooks header, or its `svix-` twin that Svix senders use. */
function standardHeader(header: HeaderLookup, name: string, svixName: string): string {
  const value = header(name) || header(svixName)
  if (!value) {
    throw new WebhookVerificationError(
      'missing_header',
      `the ${name} header is missing: the request was not sent by OctopusPro (or a Standard Webhooks sender), or a ` +
        'proxy in between dropped the header',
      { header: name },
    )
  }
  return value
}

function checkTimestamp(value: string, settings: SignatureSettings): void {
  if (!/^\d{1,15}$/.test(value)) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      `the webhook-timestamp header must be unix seconds (digits only), got ${JSON.stringify(value.slice(0, 40))}`,
    )
  }
  const skew = Math.floor(settings.now() / 1000) - Number(value)
  if (skew > settings.toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `the webhook-timestamp is ${skew} s in the past, more than the tolerance of ${settings.toleranceSeconds} s: ` +
        "the delivery is stale or replayed; if it is genuine, check this server's clock (NTP) or raise `tolerance`",
    )
  }
  if (-skew > settings.toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      `the webhook-timestamp is ${-skew} s in the future, more than the tolerance of ${settings.toleranceSeconds} s: ` +
        "check this server's clock (NTP) or raise `tolerance`",
    )
  }
}

function keyNames(versions: readonly string[]): string {
  if (versions.length > 1) return 'secret(s) and public key(s)'
  return versions[0] === 'v1' ? 'secret(s)' : 'public key(s)'
}

function noMatchingSignature(header: string, keys: readonly WebhookVerifyingKey[]): WebhookVerificationError {
  const entries = header.split(' ')
  const count = entries.filter((entry) => /^v1a?,/.test(entry)).length
  const versions = [...new Set(keys.map((key) => key.version))]
  const usable = entries.filter((entry) => versions.some((version) => entry.startsWith(`${version},`))).length
  let message: string
  if (count === 0) {
    message =
      'the webhook-signature header has no v1 or v1a signature (expected "v1,<base64 HMAC-SHA256>" or ' +
      '"v1a,<base64 ed25519>", space-separated)'
  } else if (usable === 0) {
    message =
      `the ${count} signature(s) are all ${versions.includes('v1') ? 'v1a (ed25519)' : 'v1 (HMAC)'}, but only ` +
      `${versions.includes('v1') ? 'secrets (whsec_)' : 'public keys (whpk_)'} are configured: pass the ` +
      `endpoint's ${versions.includes('v1') ? 'public_key as `publicKey`' : 'secret as `secret`'}`
  } else {
    message =
      `none of the ${count} signature(s) matches the ${keys.length} configured ${keyNames(versions)}: use this ` +
      "endpoint's secret or public key (GET /v1/webhooks/{id}/secret; during a rotation configure both), and verify " +
      'the raw body exactly as received, not JSON re-serialized by a framework'
  }
  return new WebhookVerificationError('no_matching_signature', message)
}

/**
 * Verifies a Standard Webhooks delivery: the three headers are present, the timestamp is within the tolerance, and
 * at least one signature of the header signs `${id}.${timestamp}.${body}` under one of the keys (`v1` HMAC compared
 * in constant time, `v1a` ed25519). Returns the verified `webhook-id` — synchronously on node:crypto,
 * else a promise; throws (or rejects with) a {@link WebhookVerificationError} naming the reason otherwise.
 */
export function verifySignature(
  body: string | Uint8Array,
  header: HeaderLookup,
  settings: SignatureSettings,
): string | Promise<string> {
  // Literal names: a header record is looked up fastest with internalized strings.
  const id = standardHeader(header, 'webhook-id', 'svix-id')
  const timestamp = standardHeader(header, 'webhook-timestamp', 'svix-timestamp')
  const signatures = standardHeader(header, 'webhook-signature', 'svix-signature')
  checkTimestamp(timestamp, settings)
  const message: SignedMessage = typeof body === 'string' ? `${id}.${timestamp}.${body}` : [`${id}.${timestamp}.`, body]
  let pending: Promise<boolean>[] | undefined
  for (const key of settings.keys) {
    const matched = key.matches(message, signatures)
    if (matched === true) return id
    if (matched !== false) (pending ??= []).push(matched)
  }
  if (!pending) throw noMatchingSignature(signatures, settings.keys)
  return Promise.all(pending).then((results) => {
    if (results.includes(true)) return id
    throw noMatchingSignature(signatures, settings.keys)
  })
}
