import * as z from 'zod/mini'
import { eventTypes } from '../event-types.js'
import { Id, Metadata, Text, Timestamp } from '../primitives.js'

/** An event type name, or `*` for all of them. @example `SubscribedEventType.parse('payment.*')` fails; `'*'` passes */
export const SubscribedEventType = z.enum([...eventTypes, '*'], {
  error: (issue) =>
    `'${String(issue.input)}' is not an event type; see GET /v1/webhook-event-types for the ${eventTypes.length} ` +
    `types, or use '*'`,
})

/** A webhook endpoint secret: `whsec_` + base64 of 32 bytes. @example `WebhookSecret.parse(endpoint.secret)` */
export const WebhookSecret = z
  .string()
  .check(z.regex(/^whsec_[A-Za-z0-9+/]{42,}={0,2}$/, 'must be a webhook secret (whsec_…)'))

/**
 * An ed25519 public key: `whpk_` + base64 of its 32 bytes. Receivers verify `v1a` signatures with it.
 *
 * @example
 * ```ts
 * WebhookPublicKey.parse(endpoint.public_key)
 * ```
 */
export const WebhookPublicKey = z
  .string()
  .check(z.regex(/^whpk_[A-Za-z0-9+/]{43}=$/, 'must be an ed25519 public key (whpk_…)'))

/**
 * How an endpoint's deliveries are signed (Standard Webhooks): `hmac_sha256` with a shared `whsec_` secret (`v1`
 * signatures), or `ed25519` with a key pair whose private half stays with the server and whose `whpk_` public key
 * receivers verify with (`v1a` signatures).
 *
 * @example
 * ```ts
 * WebhookSigning.parse('ed25519')
 * ```
 */
export const WebhookSigning = z.enum(['hmac_sha256', 'ed25519'], {
  error: (issue) => `'${String(issue.input)}' is not a signing scheme; use 'hmac_sha256' (the default) or 'ed25519'`,
})

const EndpointUrl = z.url({
  protocol: /^https?$/,
  error: 'must be an http(s) URL such as https://your-domain.com/webhook',
})

/**
 * Why an endpoint was disabled by the server: every delivery failing, or a 410 Gone answer.
 *
 * @example `DisabledReason.parse('gone')`
 */
export const DisabledReason = z.enum(['failing', 'gone'])

/**
 * A webhook endpoint. `event_types` is a list of event types, or `['*']` for all. `signing` says how deliveries
 * are signed; an `ed25519` endpoint shows the `public_key` receivers verify with (`null` for `hmac_sha256`).
 *
 * @example
 * ```ts
 * WebhookEndpoint.parse(body).event_types
 * ```
 */
export const WebhookEndpoint = z.object({
  id: Id('webhook_endpoint'),
  object: z.literal('webhook_endpoint'),
  name: Text(200),
  url: z.string(),
  event_types: z.array(SubscribedEventType),
  active: z.boolean(),
  description: z.nullable(z.string()),
  disabled_reason: z.nullable(DisabledReason),
  signing: WebhookSigning,
  public_key: z.nullable(WebhookPublicKey),
  metadata: Metadata,
  created_at: Timestamp,
  updated_at: Timestamp,
})

/**
 * A webhook endpoint with its `secret`: returned by create and rotate. The secret is `null` for an `ed25519`
 * endpoint, whose receivers verify with its `public_key` instead (the private key never leaves the server).
 *
 * @example
 * ```ts
 * WebhookEndpointWithSecret.parse(body).secret
 * ```
 */
export const WebhookEndpointWithSecret = z.extend(WebhookEndpoint, { secret: z.nullable(WebhookSecret) })

/**
 * The answer of `GET /v1/webhooks/{id}/secret`: what receivers verify with now — the `secret` (`hmac_sha256`) or
 * the `public_key` (`ed25519`), the other `null` — and while a rotation overlaps, the previous key (of either kind)
 * and when it stops signing.
 *
 * @example
 * ```ts
 * new Webhooks({
 *   secret: [s.secret, s.previous_secret].filter((k) => k !== null),
 *   publicKey: [s.public_key, s.previous_public_key].filter((k) => k !== null),
 * })
 * ```
 */
export const WebhookEndpointSecret = z.object({
  object: z.literal('webhook_endpoint_secret'),
  endpoint_id: Id('webhook_endpoint'),
  secret: z.nullable(WebhookSecret),
  public_key: z.nullable(WebhookPublicKey),
  previous_secret: z.nullable(WebhookSecret),
  previous_public_key: z.nullable(WebhookPublicKey),
  previous_secret_expires_at: z.nullable(Timestamp),
})

const EventTypes = z
  .array(SubscribedEventType)
  .check(z.minLength(1, "must name at least one event type (or '*')"), z.maxLength(64, 'must have at most 64 entries'))

/**
 * The body of `POST /v1/webhooks`.
 *
 * @example
 * ```ts
 * WebhookEndpointCreate.parse({
 *   name: 'Order Notifications',
 *   url: 'https://example.com/hook',
 *   event_types: ['booking.created'],
 * })
 * ```
 */
export const WebhookEndpointCreate = z.strictObject({
  name: Text(200),
  url: EndpointUrl,
  event_types: EventTypes,
  active: z._default(z.boolean(), true),
  signing: z._default(WebhookSigning, 'hmac_sha256'),
  description: z.optional(Text(1000)),
  metadata: z.optional(Metadata),
})
/**
 * The body of `PATCH /v1/webhooks/{id}`; setting `active: true` re-enables a disabled endpoint.
 *
 * @example `WebhookEndpointUpdate.parse({ active: true })`
 */
export const WebhookEndpointUpdate = z.strictObject({
  name: z.optional(Text(200)),
  url: z.optional(EndpointUrl),
  event_types: z.optional(EventTypes),
  active: z.optional(z.boolean()),
  description: z.optional(z.nullable(Text(1000))),
  metadata: z.optional(Metadata),
})
/**
 * The body of `POST /v1/webhooks/{id}/rotate-secret`: the old key is also used to sign for this long (default 24 h,
 * at most 7 days); `signing` switches the endpoint to the other scheme (default: it keeps its own), so during the
 * overlap deliveries carry one signature of each kind.
 *
 * @example
 * ```ts
 * WebhookSecretRotate.parse({ expires_in_seconds: 3600, signing: 'ed25519' })
 * ```
 */
export const WebhookSecretRotate = z.strictObject({
  expires_in_seconds: z.optional(z.int().check(z.gte(0, 'must be 0 to 604800'), z.lte(604_800, 'must be 0 to 604800'))),
  signing: z.optional(WebhookSigning),
})
/** The body of `POST /v1/webhooks/{id}/test`. @example `WebhookTestEvent.parse({ event_type: 'booking.created' })` */
export const WebhookTestEvent = z.strictObject({
  event_type: z.enum(eventTypes, {
    error: (issue) => `'${String(issue.input)}' is not an event type; see GET /v1/webhook-event-types`,
  }),
})

/** One attempt of a delivery. @example `DeliveryAttempt.parse(delivery.attempts[0])` */
export const DeliveryAttempt = z.object({
  at: Timestamp,
  status_code: z.nullable(z.int()),
  error: z.nullable(z.string()),
  duration_ms: z.number(),
  response_body_excerpt: z.nullable(z.string().check(z.maxLength(1024))),
})

/** The states of a delivery. @example `DeliveryStatus.parse('failed')` */
export const DeliveryStatus = z.enum(['pending', 'succeeded', 'failed'])

/**
 * The delivery of one event to one endpoint, with every attempt made.
 *
 * @example
 * ```ts
 * WebhookDelivery.parse(body).attempts.at(-1)?.status_code
 * ```
 */
export const WebhookDelivery = z.object({
  id: Id('webhook_delivery'),
  object: z.literal('webhook_delivery'),
  endpoint_id: Id('webhook_endpoint'),
  event_id: Id('event'),
  event_type: z.string(),
  status: DeliveryStatus,
  attempts: z.array(DeliveryAttempt),
  next_attempt_at: z.nullable(Timestamp),
  created_at: Timestamp,
  updated_at: Timestamp,
})

/** The categories as the catalog names them. @example `EventCategorySchema.parse('PAYMENT')` */
export const EventCategorySchema = z.enum([
  'APPOINTMENT',
  'BOOKING',
  'COMMUNICATION',
  'COMPLAINT',
  'CUSTOMER',
  'INQUIRY',
  'INVOICE',
  'PAYMENT',
  'QUOTE',
  'USER',
])

/** An entry of `GET /v1/webhook-event-types`. @example `WebhookEventType.parse(body.data[0])` */
export const WebhookEventType = z.object({
  object: z.literal('webhook_event_type'),
  type: z.enum(eventTypes),
  name: z.string(),
  category: EventCategorySchema,
  description: z.string(),
})

/** A signing scheme. @example `const signing: WebhookSigning = 'ed25519'` */
export type WebhookSigning = z.output<typeof WebhookSigning>
/** A webhook endpoint. @example `const endpoint: WebhookEndpoint = await op.webhooks.get('whk_123')` */
export type WebhookEndpoint = z.output<typeof WebhookEndpoint>
/**
 * A webhook endpoint with its secret.
 *
 * @example
 * ```ts
 * const { secret }: WebhookEndpointWithSecret = await op.webhooks.create({
 *   name: 'Orders',
 *   url: 'https://example.com/webhooks',
 *   event_types: ['*'],
 * })
 * ```
 */
export type WebhookEndpointWithSecret = z.output<typeof WebhookEndpointWithSecret>
/**
 * An `hmac_sha256` endpoint as create and rotate return it: its `whsec_` secret, no public key.
 *
 * @example
 * ```ts
 * const body = { name: 'Orders', url: 'https://example.com/hook', event_types: ['*' as const] }
 * const { secret }: HmacWebhookEndpointWithSecret = await op.webhooks.create(body)
 * ```
 */
export type HmacWebhookEndpointWithSecret = WebhookEndpointWithSecret & {
  signing: 'hmac_sha256'
  secret: string
  public_key: null
}
/**
 * An `ed25519` endpoint as create and rotate return it: its `whpk_` public key, no secret.
 *
 * @example
 * ```ts
 * const endpoint: Ed25519WebhookEndpoint = await op.webhooks.create({ ...body, signing: 'ed25519' })
 * new Webhooks({ publicKey: endpoint.public_key })
 * ```
 */
export type Ed25519WebhookEndpoint = WebhookEndpointWithSecret & {
  signing: 'ed25519'
  secret: null
  public_key: string
}
/**
 * The body of a webhook endpoint create.
 *
 * @example
 * ```ts
 * const body: WebhookEndpointCreate = {
 *   name: 'Order Notifications',
 *   url: 'https://your-domain.com/webhook',
 *   event_types: ['booking.created'],
 * }
 * ```
 */
export type WebhookEndpointCreate = z.input<typeof WebhookEndpointCreate>
/** The body of a webhook endpoint update. @example `const body: WebhookEndpointUpdate = { active: true }` */
export type WebhookEndpointUpdate = z.input<typeof WebhookEndpointUpdate>
/** A delivery. @example `const delivery: WebhookDelivery = await op.webhookDeliveries.get('dlv_123')` */
export type WebhookDelivery = z.output<typeof WebhookDelivery>
/** An attempt of a delivery. @example `const last: DeliveryAttempt | undefined = delivery.attempts.at(-1)` */
export type DeliveryAttempt = z.output<typeof DeliveryAttempt>
/**
 * An entry of the event-type catalog as the API returns it.
 *
 * @example `const [entry]: WebhookEventType[] = (await op.webhookEventTypes.list({ search: 'payment approved' })).data`
 */
export type WebhookEventType = z.output<typeof WebhookEventType>
