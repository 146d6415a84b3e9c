import { APIError } from '../api-error.js'
import { seal, sha256Hex, unseal } from '../crypto.js'
import type { IdempotencyRecord, State } from '../state.js'

/** How long a key's response is kept and replayed (24 h). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000
const MAX_KEY_LENGTH = 255
const PRUNE_EVERY = 1000

/** A stored response, replayed byte for byte. */
export interface StoredResponse {
  status: number
  body: string
}

/** The outcome of presenting a key: a response to replay, or a claim to complete (or release on a crash). */
export type IdempotencyClaim =
  | { replay: StoredResponse }
  | { replay?: undefined; complete(response: StoredResponse): void; release(): void }

function prune(state: State, nowMs: number): void {
  if (state.idempotency.size % PRUNE_EVERY !== 0) return
  for (const [key, record] of state.idempotency) if (record.expiresAt <= nowMs) state.idempotency.delete(key)
}

/**
 * Claims an `Idempotency-Key` for one request, scoped to the API key: the same key with the same route and body
 * within 24 h replays the stored response; with another body or route → 409 `idempotency_key_reused`; while the
 * first request is still running → 409 `idempotency_key_in_use`.
 */
export function claimIdempotencyKey(
  state: State,
  scope: { apiKeyId: string; key: string; route: string; body: string; nowMs: number },
): IdempotencyClaim {
  if (scope.key.length === 0 || scope.key.length > MAX_KEY_LENGTH) {
    throw new APIError(
      'parameter_invalid',
      `The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} characters; a UUID is a good key`,
      { param: 'Idempotency-Key' },
    )
  }
  // The store holds neither the key nor a readable response: records are found by a hash of the key, and response
  // bodies (which may carry a secret shown once, e.g. a new API key's) are sealed with the key itself.
  const id = sha256Hex(`${scope.apiKeyId} ${scope.key}`)
  const sealingKey = `${scope.apiKeyId} ${scope.key} response`
  const fingerprint = sha256Hex(scope.body)
  const existing = state.idempotency.get(id)
  if (existing && existing.expiresAt > scope.nowMs) {
    if (existing.route !== scope.route || existing.fingerprint !== fingerprint) {
      throw new APIError(
        'idempotency_key_reused',
        `Idempotency-Key '${scope.key}' was already used with a different ` +
          `${existing.route === scope.route ? 'body' : `request (${existing.route})`}; use a new key for a new request`,
      )
    }
    if (existing.response === null) {
      throw new APIError(
        'idempotency_key_in_use',
        `A request with Idempotency-Key '${scope.key}' is still in progress; retry once it has finished`,
      )
    }
    return { replay: { status: existing.response.status, body: unseal(sealingKey, existing.response.sealedBody) } }
  }
  prune(state, scope.nowMs)
  const record: IdempotencyRecord = {
    fingerprint,
    route: scope.route,
    expiresAt: scope.nowMs + IDEMPOTENCY_TTL_MS,
    response: null,
  }
  state.idempotency.set(id, record)
  return {
    // A new record, not a mutation: stored records (and snapshots, which share them) never change.
    complete: (response) => {
      const sealedBody = seal(sealingKey, response.body)
      state.idempotency.set(id, { ...record, response: { status: response.status, sealedBody } })
    },
    release: () => {
      if (state.idempotency.get(id) === record) state.idempotency.delete(id)
    },
  }
}
