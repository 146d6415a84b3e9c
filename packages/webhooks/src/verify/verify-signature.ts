import { WebhookVerificationError } from '../errors/webhook-verification-error.js'
import { constantTimeEqualAt, type HmacSha256, type SignedMessage } from '../internal/crypto.js'
import type { HeaderLookup } from './headers.js'

/** What a signature check needs besides the request: the keys, the tolerance and a clock. */
export interface SignatureSettings {
  /** One HMAC per configured secret (several during a rotation). */
  keys: readonly HmacSha256[]
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

const V1 = 'v1,'

/**
 * Whether one `v1,<base64>` entry of the space-separated header equals `expected`; other versions (such as
 * asymmetric `v1a`) are skipped.
 */
function matches(expected: string, header: string): boolean {
  for (let start = 0; start < header.length; ) {
    const space = header.indexOf(' ', start)
    const end = space === -1 ? header.length : space
    if (header.startsWith(V1, start) && constantTimeEqualAt(expected, header, start + V1.length, end)) return true
    start = end + 1
  }
  return false
}

function noMatchingSignature(header: string, keyCount: number): WebhookVerificationError {
  const count = header.split(' ').filter((entry) => entry.startsWith(V1)).length
  return new WebhookVerificationError(
    'no_matching_signature',
    count === 0
      ? 'the webhook-signature header has no v1 signature (expected "v1,<base64 HMAC-SHA256>", space-separated)'
      : `none of the ${count} signature(s) matches the ${keyCount} configured secret(s): ` +
          "use this endpoint's secret (GET /v1/webhooks/{id}/secret; during a rotation configure both), and verify " +
          'the raw body exactly as received, not JSON re-serialized by a framework',
  )
}

/**
 * Verifies a Standard Webhooks delivery: the three headers are present, the timestamp is within the tolerance, and
 * at least one `v1` signature of the header matches the HMAC of `${id}.${timestamp}.${body}` under one of the keys
 * (compared in constant time). Returns the verified `webhook-id` — synchronously when the HMAC is (node:crypto),
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
  let pending: Promise<string>[] | undefined
  for (const key of settings.keys) {
    const expected = key(message)
    if (typeof expected !== 'string') (pending ??= []).push(expected)
    else if (matches(expected, signatures)) return id
  }
  if (!pending) throw noMatchingSignature(signatures, settings.keys.length)
  return Promise.all(pending).then((macs) => {
    if (macs.some((mac) => matches(mac, signatures))) return id
    throw noMatchingSignature(signatures, settings.keys.length)
  })
}
