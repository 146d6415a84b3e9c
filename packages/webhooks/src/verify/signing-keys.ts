import { createVerifyingKey, type WebhookVerifyingKey } from '@octopuspro/contract'
import { WebhookVerificationError } from '../errors/webhook-verification-error.js'

type Keys = string | readonly string[] | undefined

function list(keys: unknown): unknown[] {
  return keys === undefined ? [] : Array.isArray(keys) ? keys : [keys]
}

/**
 * Prepares one verifying key per configured `secret` (`whsec_…`, HMAC) and `publicKey` (`whpk_…`, ed25519), once,
 * so no request pays for it. Throws `invalid_secret` when there is none or one is malformed.
 *
 * @example
 * ```ts
 * signingKeys('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', undefined).length // 1
 * ```
 */
export function signingKeys(secret: Keys, publicKey: Keys): WebhookVerifyingKey[] {
  const secrets = list(secret)
  const publicKeys = list(publicKey)
  const all = [...secrets, ...publicKeys]
  if (all.length === 0 || all.some((s) => typeof s !== 'string' || s === '')) {
    throw new WebhookVerificationError(
      'invalid_secret',
      "no webhook secret or public key: pass the endpoint's secret (whsec_…) as `secret` or its public_key " +
        '(whpk_…) as `publicKey`, or several during a rotation (is the environment variable that holds it set?)',
    )
  }
  const prepare = (text: string, index: number, kind: 'secret' | 'publicKey', count: number) => {
    const expected = kind === 'secret' ? 'whsec_' : 'whpk_'
    if (!text.startsWith(expected) && (kind === 'publicKey' || /^wh(sk|pk)_/.test(text))) {
      throw new WebhookVerificationError(
        'invalid_secret',
        `${kind === 'secret' ? '`secret`' : '`publicKey`'} ${count > 1 ? `#${index + 1} ` : ''}must start with ` +
          `'${expected}': pass an endpoint's whsec_ secret as \`secret\` and its whpk_ public_key as \`publicKey\` ` +
          '(a whsk_ secret key stays with the sender)',
      )
    }
    try {
      return createVerifyingKey(text)
    } catch {
      const what = kind === 'secret' ? 'secret' : 'public key'
      throw new WebhookVerificationError(
        'invalid_secret',
        `${count > 1 ? `${what} #${index + 1}` : `the ${what}`} is not ` +
          (kind === 'secret'
            ? "a webhook secret: expected 'whsec_' followed by base64"
            : "an ed25519 public key: expected 'whpk_' followed by the base64 of 32 bytes") +
          ', as returned when the endpoint was created (GET /v1/webhooks/{id}/secret)',
      )
    }
  }
  return [
    ...(secrets as string[]).map((text, i) => prepare(text, i, 'secret', secrets.length)),
    ...(publicKeys as string[]).map((text, i) => prepare(text, i, 'publicKey', publicKeys.length)),
  ]
}
