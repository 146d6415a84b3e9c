import * as z from 'zod/mini'
import { eventTypes } from '../event-types.js'
import { Id, Metadata, Text, Timestamp } from '../primitives.js'

/** An event type name, or `*` for all of them. @example `SubscribedEventType.parse('payment.*')` fails; `'*'` passes */
export const SubscribedEventType = z.enum([...eventTypes, '*'], {
  error: (issue) =>
    `'${String(issue.input)}' is not an event type; see GET /v1/webhook-event-types for the ${eventTypes.length} types, or use '*'`,
})

/** A webhook endpoint secret: `whsec_` + base64 of 32 bytes. @example `WebhookSecret.parse(endpoint.secret)` */
export const WebhookSecret = z
  .string()
  .check(z.regex(/^whsec_[A-Za-z0-9+/]{42,}={0,2}$/, 'must be a webhook secret (whsec_…)'))

const EndpointUrl = z.url({
  protocol: /^https?$/,
  error: 'must be an http(s) URL such as https://your-domain.com/webhook',
})

/** Why an endpoint was disabled by the server: every delivery failing, or a 410 Gone answer. @example `DisabledReason.parse('gone')` */
export const DisabledReason = z.enum(['failing', 'gone'])

/**
 * A webhook endpoint. `event_types` is a list of event types, or `['*']` for all.
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
  metadata: Metadata,
  created_at: Timestamp,
  updated_at: Timestamp,
})

/** A webhook endpoint with its `secret`: returned by create and rotate. @example `WebhookEndpointWithSecret.parse(body).secret` */
export const WebhookEndpointWithSecret = z.extend(WebhookEndpoint, { secret: WebhookSecret })

/**
 * The answer of `GET /v1/webhooks/{id}/secret`: the current secret, and while a rotation overlaps, the previous
 * one and when it stops being used.
 *
 * @example
 * ```ts
 * new Webhooks({ secret: [s.secret, s.previous_secret].filter(Boolean) })
 * ```
 */
export const WebhookEndpointSecret = z.object({
  object: z.literal('webhook_endpoint_secret'),
  endpoint_id: Id('webhook_endpoint'),
  secret: WebhookSecret,
  previous_secret: z.nullable(WebhookSecret),
  previous_secret_expires_at: z.nullable(Timestamp),
})

const EventTypes = z
  .array(SubscribedEventType)
  .check(z.minLength(1, "must name at least one event type (or '*')"), z.maxLength(64, 'must have at most 64 entries'))

/** The body of `POST /v1/webhooks`. @example `WebhookEndpointCreate.parse({ name: 'Order Notifications', url: 'https://example.com/hook', event_types: ['booking.created'] })` */
export const WebhookEndpointCreate = z.strictObject({
  name: Text(200),
  url: EndpointUrl,
  event_types: EventTypes,
  active: z._default(z.boolean(), true),
  description: z.optional(Text(1000)),
  metadata: z.optional(Metadata),
})
/** The body of `PATCH /v1/webhooks/{id}`; setting `active: true` re-enables a disabled endpoint. @example `WebhookEndpointUpdate.parse({ active: true })` */
export const WebhookEndpointUpdate = z.strictObject({
  name: z.optional(Text(200)),
  url: z.optional(EndpointUrl),
  event_types: z.optional(EventTypes),
  active: z.optional(z.boolean()),
  description: z.optional(z.nullable(Text(1000))),
  metadata: z.optional(Metadata),
})
/** The body of `POST /v1/webhooks/{id}/rotate-secret`: the old secret is also used to sign for this long (default 24 h, at most 7 days). @example `WebhookSecretRotate.parse({ expires_in_seconds: 0 })` */
export const WebhookSecretRotate = z.strictObject({
  expires_in_seconds: z.optional(z.int().check(z.gte(0, 'must be 0 to 604800'), z.lte(604_800, 'must be 0 to 604800'))),
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

/** A webhook endpoint. @example `const endpoint: WebhookEndpoint = await op.webhooks.get('whk_123')` */
export type WebhookEndpoint = z.output<typeof WebhookEndpoint>
/** A webhook endpoint with its secret. @example `const { secret }: WebhookEndpointWithSecret = await op.webhooks.create({ name: 'Orders', url: 'https://example.com/webhooks', event_types: ['*'] })` */
export type WebhookEndpointWithSecret = z.output<typeof WebhookEndpointWithSecret>
/** The body of a webhook endpoint create. @example `const body: WebhookEndpointCreate = { name: 'Order Notifications', url: 'https://your-domain.com/webhook', event_types: ['booking.created'] }` */
export type WebhookEndpointCreate = z.input<typeof WebhookEndpointCreate>
/** The body of a webhook endpoint update. @example `const body: WebhookEndpointUpdate = { active: true }` */
export type WebhookEndpointUpdate = z.input<typeof WebhookEndpointUpdate>
/** A delivery. @example `const delivery: WebhookDelivery = await op.webhookDeliveries.get('dlv_123')` */
export type WebhookDelivery = z.output<typeof WebhookDelivery>
/** An attempt of a delivery. @example `const last: DeliveryAttempt | undefined = delivery.attempts.at(-1)` */
export type DeliveryAttempt = z.output<typeof DeliveryAttempt>
/** An entry of the event-type catalog as the API returns it. @example `const [entry]: WebhookEventType[] = (await op.webhookEventTypes.list({ search: 'payment approved' })).data` */
export type WebhookEventType = z.output<typeof WebhookEventType>
