import * as z from 'zod/mini'
import { Id, Text, Timestamp } from '../primitives.js'

/** What a key may do: `read_only` keys get 403 on writes. @example `ApiKeyMode.parse('read_only')` */
export const ApiKeyMode = z.enum(['read_write', 'read_only'])

/** The format of an API key secret: `opk_` + 40 base62 characters. @example `ApiKeySecret.parse(secret)` */
export const ApiKeySecret = z
  .string()
  .check(z.regex(/^opk_[0-9A-Za-z]{40}$/, 'must be an API key (opk_ + 40 characters)'))

/**
 * An API key as listed: the secret itself is never returned after creation or roll, only its `prefix`
 * (`opk_` + 4) and `last4`.
 *
 * @example
 * ```ts
 * ApiKey.parse(body)
 * ```
 */
export const ApiKey = z.object({
  id: Id('api_key'),
  object: z.literal('api_key'),
  name: Text(200),
  mode: ApiKeyMode,
  prefix: z.string(),
  last4: z.string(),
  status: z.enum(['active', 'revoked']),
  expires_at: z.nullable(Timestamp),
  last_used_at: z.nullable(Timestamp),
  created_at: Timestamp,
  updated_at: Timestamp,
})

/** An API key with its `secret`: returned once, by create and roll. @example `ApiKeyWithSecret.parse(body).secret` */
export const ApiKeyWithSecret = z.extend(ApiKey, { secret: ApiKeySecret })

/**
 * The body of `POST /v1/api-keys`.
 *
 * @example `ApiKeyCreate.parse({ name: 'Data Warehouse Sync', mode: 'read_only' })`
 */
export const ApiKeyCreate = z.strictObject({
  name: Text(200),
  mode: z._default(ApiKeyMode, 'read_write'),
  expires_at: z.optional(Timestamp),
})
/** The body of `PATCH /v1/api-keys/{id}`: the name only. @example `ApiKeyUpdate.parse({ name: 'Mobile App' })` */
export const ApiKeyUpdate = z.strictObject({ name: z.optional(Text(200)) })
/**
 * The body of `POST /v1/api-keys/{id}/roll`: the old secret keeps working for `expires_in_seconds`
 * (default 0 = stops at once; at most 7 days).
 *
 * @example
 * ```ts
 * ApiKeyRoll.parse({ expires_in_seconds: 3600 })
 * ```
 */
export const ApiKeyRoll = z.strictObject({
  expires_in_seconds: z.optional(z.int().check(z.gte(0, 'must be 0 to 604800'), z.lte(604_800, 'must be 0 to 604800'))),
})

/** An API key. @example `const key: ApiKey = await op.apiKeys.get('key_123')` */
export type ApiKey = z.output<typeof ApiKey>
/**
 * An API key with its one-time secret.
 *
 * @example `const { secret }: ApiKeyWithSecret = await op.apiKeys.create({ name: 'Data Warehouse Sync' })`
 */
export type ApiKeyWithSecret = z.output<typeof ApiKeyWithSecret>
/**
 * The body of an API key create.
 *
 * @example `const body: ApiKeyCreate = { name: 'Data Warehouse Sync', mode: 'read_only' }`
 */
export type ApiKeyCreate = z.input<typeof ApiKeyCreate>
/** The body of an API key update. @example `const body: ApiKeyUpdate = { name: 'Mobile App Integration' }` */
export type ApiKeyUpdate = z.input<typeof ApiKeyUpdate>
/** The body of an API key roll. @example `const body: ApiKeyRoll = { expires_in_seconds: 3600 }` */
export type ApiKeyRoll = z.input<typeof ApiKeyRoll>
