import { parseWebhookSecret } from '@octopuspro/contract'
import { WebhookVerificationError } from '../errors/webhook-verification-error.js'
import { createHmacSha256, type HmacSha256 } from '../internal/crypto.js'

/**
 * Parses the configured secret(s) once and prepares one HMAC key per secret, so no request pays for it.
 * Throws `invalid_secret` for a missing or malformed secret.
 */
export function signingKeys(secret: unknown): HmacSha256[] {
  const secrets: unknown[] = Array.isArray(secret) ? secret : [secret]
  if (secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s === '')) {
    throw new WebhookVerificationError(
      'invalid_secret',
      "no webhook secret: pass the endpoint's secret (whsec_…) as `secret`, or several during a rotation " +
        '(is the environment variable that holds it set?)',
    )
  }
  return (secrets as string[]).map((text, index) => {
    try {
      return createHmacSha256(parseWebhookSecret(text))
    } catch {
      throw new WebhookVerificationError(
        'invalid_secret',
        `${secrets.length > 1 ? `secret #${index + 1}` : 'the secret'} is not a webhook secret: expected 'whsec_' ` +
          'followed by base64, as returned when the endpoint was created (GET /v1/webhooks/{id}/secret)',
      )
    }
  })
}
