import {
  generateSigningSecretKey,
  generateWebhookSecret,
  type Routes,
  type WebhookEndpoint,
  type WebhookEvent,
  type WebhookSigning,
  webhookKeyKind,
  webhookPublicKey,
} from '@octopuspro/contract'
import { createSampleEvent } from '@octopuspro/contract/samples'
import { APIError, resourceMissing } from '../api-error.js'
import type { Call } from '../call.js'
import { randomBytes } from '../crypto.js'
import { previousAttributes } from '../events/diff.js'
import { mergeMetadata } from '../metadata.js'
import type { EndpointRecord } from '../state.js'
import { listPredicate } from '../store/filters.js'
import { arraySource, paginate } from '../store/paginate.js'
import type { Handler } from './types.js'

/** How long a rotated-out secret keeps signing when the body does not say (24 h). */
const DEFAULT_ROTATION_OVERLAP_SECONDS = 86_400

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

function assertUrlAllowed(call: Call, url: string): void {
  if (!call.requireHttps) return
  const { protocol, hostname } = new URL(url)
  if (protocol === 'https:' || isLoopback(hostname)) return
  throw new APIError(
    'parameter_invalid',
    `url must use https (this server allows http only for loopback addresses): '${url}'`,
    { param: 'url' },
  )
}

function findRecord(call: Call, id: string): EndpointRecord {
  const record = call.state.endpoints.get(id)
  if (!record) throw resourceMissing('webhook endpoint', id, '/webhooks')
  return record
}

/** A new signing key of a scheme: a `whsec_` secret, or a `whsk_` ed25519 secret key that never leaves the server. */
function newSigningKey(signing: WebhookSigning): string {
  return signing === 'ed25519' ? generateSigningSecretKey(randomBytes) : generateWebhookSecret(randomBytes)
}

/** The `whpk_` public key of a `whsk_` signing key; `null` for a `whsec_` secret (receivers get the secret itself). */
function publicKeyOf(key: string): string | null {
  if (webhookKeyKind(key) !== 'secretKey') return null
  const publicKey = webhookPublicKey(key)
  // node:crypto answers synchronously, and this server runs on Node (its other crypto is node:crypto too).
  if (typeof publicKey !== 'string') throw new Error('the reference server needs node:crypto for ed25519 keys')
  return publicKey
}

/** The `whsec_` secret receivers share, or `null` for a `whsk_` key (receivers get its public key instead). */
function sharedSecretOf(key: string): string | null {
  return webhookKeyKind(key) === 'secret' ? key : null
}

/** The keys that sign now (`whsec_` or `whsk_`): the current one, and the previous one while its overlap lasts. */
export function validSecrets(record: EndpointRecord, nowMs: number): string[] {
  return record.previous && record.previous.expiresAt > nowMs
    ? [record.secret, record.previous.secret]
    : [record.secret]
}

const list: Handler<Routes['webhooks']['list']> = ({ query, call }) => {
  const endpoints = {
    ids: () => call.state.endpoints.ids(),
    get: (id: string) => call.state.endpoints.get(id)?.endpoint,
  }
  return paginate(endpoints, query, listPredicate(query), 'whk')
}

const create: Handler<Routes['webhooks']['create']> = ({ body, call }) => {
  assertUrlAllowed(call, body.url)
  const id = call.id('webhook_endpoint')
  const secret = newSigningKey(body.signing)
  const endpoint: WebhookEndpoint = {
    id,
    object: 'webhook_endpoint',
    name: body.name,
    url: body.url,
    event_types: [...new Set(body.event_types)],
    active: body.active,
    description: body.description ?? null,
    disabled_reason: null,
    signing: body.signing,
    public_key: publicKeyOf(secret),
    metadata: body.metadata ?? {},
    created_at: call.now,
    updated_at: call.now,
  }
  call.state.endpoints.insert({ id, endpoint, secret, previous: null })
  return { ...endpoint, secret: sharedSecretOf(secret) }
}

const get: Handler<Routes['webhooks']['get']> = ({ id, call }) => findRecord(call, id).endpoint

/** `active: true` re-enables an endpoint the server disabled, and clears `disabled_reason`. */
const update: Handler<Routes['webhooks']['update']> = ({ id, body, call }) => {
  const record = findRecord(call, id)
  if (body.url !== undefined) assertUrlAllowed(call, body.url)
  const current = record.endpoint
  const next: WebhookEndpoint = {
    ...current,
    ...(body.name !== undefined && { name: body.name }),
    ...(body.url !== undefined && { url: body.url }),
    ...(body.event_types !== undefined && { event_types: [...new Set(body.event_types)] }),
    ...(body.active !== undefined && { active: body.active }),
    ...(body.active === true && { disabled_reason: null }),
    ...(body.description !== undefined && { description: body.description }),
    ...(body.metadata !== undefined && { metadata: mergeMetadata(current.metadata, body.metadata) }),
    updated_at: call.now,
  }
  if (!previousAttributes(current, next)) return current
  call.state.endpoints.replace({ ...record, endpoint: next })
  return next
}

const remove: Handler<Routes['webhooks']['delete']> = ({ id, call }) => {
  findRecord(call, id)
  call.state.endpoints.delete(id)
  return { id, object: 'webhook_endpoint', deleted: true }
}

const getSecret: Handler<Routes['webhooks']['getSecret']> = ({ id, call }) => {
  const record = findRecord(call, id)
  const previous = record.previous && record.previous.expiresAt > call.nowMs ? record.previous : null
  return {
    object: 'webhook_endpoint_secret',
    endpoint_id: id,
    secret: sharedSecretOf(record.secret),
    public_key: record.endpoint.public_key,
    previous_secret: previous ? sharedSecretOf(previous.secret) : null,
    previous_public_key: previous ? publicKeyOf(previous.secret) : null,
    previous_secret_expires_at: previous ? new Date(previous.expiresAt).toISOString() : null,
  }
}

/**
 * A new key, of the scheme the body names (default: the endpoint's); the old one keeps signing (a second signature
 * on every delivery, of its own kind) for the overlap.
 */
const rotateSecret: Handler<Routes['webhooks']['rotateSecret']> = ({ id, body, call }) => {
  const record = findRecord(call, id)
  const overlapMs = (body.expires_in_seconds ?? DEFAULT_ROTATION_OVERLAP_SECONDS) * 1000
  const signing = body.signing ?? record.endpoint.signing
  const secret = newSigningKey(signing)
  const endpoint = { ...record.endpoint, signing, public_key: publicKeyOf(secret), updated_at: call.now }
  const previous = overlapMs > 0 ? { secret: record.secret, expiresAt: call.nowMs + overlapMs } : null
  call.state.endpoints.replace({ id, endpoint, secret, previous })
  return { ...endpoint, secret: sharedSecretOf(secret) }
}

/** Sends a sample event (`test: true`, not kept in the event log) to this one endpoint now. */
const sendTest: Handler<Routes['webhooks']['sendTest']> = ({ id, body, call }) => {
  findRecord(call, id)
  const event = createSampleEvent(body.event_type, {
    id: call.id('event'),
    timestamp: call.now,
    test: true,
  }) as WebhookEvent
  call.deliveries.dispatch(event, [id])
  return event
}

const listDeliveries: Handler<Routes['webhooks']['listDeliveries']> = ({ id, query, call }) => {
  findRecord(call, id)
  return paginate(arraySource(call.deliveries.list({ endpointId: id })), query, listPredicate(query), 'dlv')
}

export const webhookHandlers = {
  list,
  create,
  get,
  update,
  delete: remove,
  getSecret,
  rotateSecret,
  sendTest,
  listDeliveries,
}
