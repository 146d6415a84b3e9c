import type { ApiKey, ApiKeyCreate, ApiKeyWithSecret, Routes } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { APIError, resourceMissing } from '../api-error.js'
import type { Call } from '../call.js'
import { randomBase62, sha256 } from '../crypto.js'
import type { ApiKeyRecord, ApiKeySecretRecord } from '../state.js'
import { listPredicate } from '../store/filters.js'
import { paginate } from '../store/paginate.js'
import type { Handler } from './types.js'

/** The part of a secret that identifies it in lists: `opk_` + its first 4 characters. */
export function secretPrefix(secret: string): string {
  return secret.slice(0, 8)
}

/** A new API key secret: `opk_` + 40 base62 characters. */
export function newApiKeySecret(): string {
  return `opk_${randomBase62(40)}`
}

function secretRecord(secret: string): ApiKeySecretRecord {
  return { hash: sha256(secret), prefix: secretPrefix(secret), validUntil: null }
}

function findRecord(call: Call, id: string): ApiKeyRecord {
  const record = call.state.apiKeys.get(id)
  if (!record) throw resourceMissing('API key', id, '/api-keys')
  return record
}

function store(call: Call, record: ApiKeyRecord): void {
  if (call.state.apiKeys.has(record.id)) call.state.apiKeys.replace(record)
  else call.state.apiKeys.insert(record)
}

/** Creates a key, with a given secret (the server's ready key) or a fresh one; only the hash is kept. */
export function createApiKey(
  call: Call,
  body: z.output<typeof ApiKeyCreate>,
  secret = newApiKeySecret(),
): ApiKeyWithSecret {
  if (body.expires_at !== undefined && Date.parse(body.expires_at) <= call.nowMs) {
    throw new APIError(
      'parameter_invalid',
      `expires_at ${body.expires_at} is not in the future; pick a later time or leave it out`,
      { param: 'expires_at' },
    )
  }
  const key: ApiKey = {
    id: call.id('api_key'),
    object: 'api_key',
    name: body.name,
    mode: body.mode,
    prefix: secretPrefix(secret),
    last4: secret.slice(-4),
    status: 'active',
    expires_at: body.expires_at ?? null,
    last_used_at: null,
    created_at: call.now,
    updated_at: call.now,
  }
  store(call, { id: key.id, key, secrets: [secretRecord(secret)] })
  return { ...key, secret }
}

const list: Handler<Routes['apiKeys']['list']> = ({ query, call }) => {
  const keys = { ids: () => call.state.apiKeys.ids(), get: (id: string) => call.state.apiKeys.get(id)?.key }
  return paginate(keys, query, listPredicate(query), 'key')
}

const create: Handler<Routes['apiKeys']['create']> = ({ body, call }) => createApiKey(call, body)

const get: Handler<Routes['apiKeys']['get']> = ({ id, call }) => findRecord(call, id).key

const update: Handler<Routes['apiKeys']['update']> = ({ id, body, call }) => {
  const record = findRecord(call, id)
  if (body.name === undefined || body.name === record.key.name) return record.key
  const key = { ...record.key, name: body.name, updated_at: call.now }
  store(call, { ...record, key })
  return key
}

/** A new secret; the old ones keep working for `expires_in_seconds` (default 0: they stop at once). */
const roll: Handler<Routes['apiKeys']['roll']> = ({ id, body, call }) => {
  const record = findRecord(call, id)
  if (record.key.status === 'revoked') {
    throw new APIError('invalid_state_transition', `API key '${id}' is revoked and cannot be rolled; create a new key`)
  }
  const validUntil = call.nowMs + (body.expires_in_seconds ?? 0) * 1000
  const secret = newApiKeySecret()
  const retired = record.secrets.map((s) => (s.validUntil === null ? { ...s, validUntil } : s))
  const key = { ...record.key, prefix: secretPrefix(secret), last4: secret.slice(-4), updated_at: call.now }
  store(call, { ...record, key, secrets: [...retired, secretRecord(secret)] })
  return { ...key, secret }
}

/** Revokes at once (a key may revoke itself); revoking a revoked key changes nothing. */
const revoke: Handler<Routes['apiKeys']['revoke']> = ({ id, call }) => {
  const record = findRecord(call, id)
  if (record.key.status === 'revoked') return record.key
  const key = { ...record.key, status: 'revoked' as const, updated_at: call.now }
  store(call, { ...record, key })
  return key
}

export const apiKeyHandlers = { list, create, get, update, roll, revoke }
