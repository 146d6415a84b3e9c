import { APIError } from '../api-error.js'
import { digestsEqual, sha256 } from '../crypto.js'
import { isoTime } from '../iso-time.js'
import type { ApiKeyRecord, State } from '../state.js'
import type { RequestView } from './request-view.js'

const HOW = 'send it as Authorization: Bearer opk_… (or X-Api-Key: opk_…)'

function presentedKey(request: Pick<RequestView, 'header'>): string {
  const authorization = request.header('authorization')
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    if (!match?.[1]) throw new APIError('api_key_invalid', `The Authorization header is not a Bearer token; ${HOW}`)
    return match[1]
  }
  const header = request.header('x-api-key')
  if (header === null || header.trim() === '') throw new APIError('api_key_missing', `No API key was sent; ${HOW}`)
  return header.trim()
}

/**
 * The API key of a request, with `last_used_at` brought up to date. Secrets are matched by their SHA-256 hash,
 * compared in constant time; the answer tells a missing, unknown, revoked and expired key apart (401).
 */
export function authenticate(state: State, request: Pick<RequestView, 'header'>, nowMs: number): ApiKeyRecord {
  const secret = presentedKey(request)
  const invalid = () =>
    new APIError(
      'api_key_invalid',
      'The API key is not valid; check it for typos, or create a key with POST /v1/api-keys',
    )
  // No format check first: a malformed key simply matches no hash.
  const hash = sha256(secret)
  const prefix = secret.slice(0, 8)
  for (const record of state.apiKeys.values()) {
    const match = record.secrets.find((s) => s.prefix === prefix && digestsEqual(s.hash, hash))
    if (!match) continue
    const { key } = record
    if (key.status === 'revoked') {
      throw new APIError(
        'api_key_revoked',
        `The API key ${key.id} was revoked; use another key, or create one with POST /v1/api-keys`,
      )
    }
    if (key.expires_at !== null && Date.parse(key.expires_at) <= nowMs) {
      throw new APIError('api_key_expired', `The API key ${key.id} expired at ${key.expires_at}; create a new key`)
    }
    if (match.validUntil !== null && match.validUntil <= nowMs) {
      throw new APIError(
        'api_key_expired',
        `This secret of API key ${key.id} was rolled and stopped working at ` +
          `${new Date(match.validUntil).toISOString()}; use the key's new secret`,
      )
    }
    const lastUsedAt = isoTime(nowMs)
    if (key.last_used_at === lastUsedAt) return record
    const used = { ...record, key: { ...key, last_used_at: lastUsedAt } }
    state.apiKeys.replace(used)
    return used
  }
  throw invalid()
}
