import { WebhookVerificationError } from '../errors/webhook-verification-error.js'
import { decodeBase64 } from '../internal/base64.js'
import { constantTimeEqual, type HmacSha256 } from '../internal/crypto.js'
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

const SIGNATURE_BYTES = 32

/** Reads a Standard Webhooks header, or its `svix-` twin that Svix senders use. */
function standardHeader(header: HeaderLookup, field: 'id' | 'timestamp' | 'signature'): string {
  const value = header(`webhook-${field}`) || header(`svix-${field}`)
  if (!value) {
    throw new WebhookVerificationError(
      'missing_header',
      `the webhook-${field} header is missing: the request was not sent by OctopusPro (or a Standard Webhooks ` +
        'sender), or a proxy in between dropped the header',
      { header: `webhook-${field}` },
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

/** The decoded `v1` signatures of the header; other versions (such as asymmetric `v1a`) are skipped. */
function v1Signatures(header: string): Uint8Array[] {
  const signatures: Uint8Array[] = []
  for (const entry of header.split(' ')) {
    if (!entry.startsWith('v1,')) continue
    const bytes = decodeBase64(entry.slice(3))
    if (bytes?.byteLength === SIGNATURE_BYTES) signatures.push(bytes)
  }
  return signatures
}

/**
 * Verifies a Standard Webhooks delivery: the three headers are present, the timestamp is within the tolerance, and
 * at least one `v1` signature of the header matches the HMAC of `${id}.${timestamp}.${body}` under one of the keys
 * (compared in constant time). Resolves with the verified `webhook-id`; throws a {@link WebhookVerificationError}
 * naming the reason otherwise.
 */
export async function verifySignature(body: string | Uint8Array, header: HeaderLookup, settings: SignatureSettings): Promise<string> {
  const id = standardHeader(header, 'id')
  const timestamp = standardHeader(header, 'timestamp')
  const signatureHeader = standardHeader(header, 'signature')
  checkTimestamp(timestamp, settings)
  const signatures = v1Signatures(signatureHeader)
  const signed = [`${id}.${timestamp}.`, body]
  for (const key of settings.keys) {
    const result = key(signed)
    const expected = result instanceof Uint8Array ? result : await result
    if (signatures.some((signature) => constantTimeEqual(expected, signature))) return id
  }
  throw new WebhookVerificationError(
    'no_matching_signature',
    signatures.length === 0
      ? 'the webhook-signature header has no v1 signature (expected "v1,<base64 HMAC-SHA256>", space-separated)'
      : `none of the ${signatures.length} signature(s) matches the ${settings.keys.length} configured secret(s): ` +
          "use this endpoint's secret (GET /v1/webhooks/{id}/secret; during a rotation configure both), and verify " +
          'the raw body exactly as received, not JSON re-serialized by a framework',
  )
}
