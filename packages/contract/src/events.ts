import * as z from 'zod/mini'
import {
  type CategoryOf,
  categoryOf,
  type EventCategory,
  type EventType,
  eventDataSchemas,
  eventTypes,
} from './event-types.js'
import { listQuery } from './list.js'
import { Id, Timestamp } from './primitives.js'

/** The API version stamped on every event. @example `event.api_version === API_VERSION` */
export const API_VERSION = '2026-11-01'

/**
 * The data of each category, as a TypeScript type.
 *
 * @example `function amountOf(payment: EventDataOf<'PAYMENT'>) { return payment.amount }`
 */
export type EventDataOf<C extends EventCategory> = z.output<(typeof eventDataSchemas)[C]>

/**
 * One webhook event of a given type: the body of a delivery and an item of `GET /v1/events`. `data` is the
 * resource of the event's category; `previous_attributes` (on `*.updated` and `appointment.status_changed`)
 * holds the old values of the fields that changed.
 *
 * @example
 * ```ts
 * function onApproved(event: WebhookEventOf<'payment.approved'>) {
 *   return event.data.amount // number
 * }
 * ```
 */
export interface WebhookEventOf<T extends EventType> {
  id: string
  object: 'event'
  type: T
  timestamp: string
  api_version: string
  test?: boolean | undefined
  data: EventDataOf<CategoryOf<T>>
  previous_attributes?: Partial<EventDataOf<CategoryOf<T>>> | undefined
}

/** Every webhook event, discriminated on `type`. @example `if (event.type === 'booking.created') event.data.service` */
export type WebhookEvent = { [T in EventType]: WebhookEventOf<T> }[EventType]

/** The payload map: event type → its event. @example `type Approved = EventPayloadMap['payment.approved']` */
export type EventPayloadMap = { [T in EventType]: WebhookEventOf<T> }

/**
 * An event whose type this version of the contract does not know (sent by a newer server). Receivers pass it to
 * `onAny` instead of rejecting it.
 *
 * @example
 * ```ts
 * function log(event: WebhookEvent | UnknownWebhookEvent) { console.log(event.type) }
 * ```
 */
export interface UnknownWebhookEvent {
  id: string
  object: 'event'
  type: string
  timestamp: string
  api_version: string
  test?: boolean | undefined
  data: Record<string, unknown>
  previous_attributes?: Record<string, unknown> | undefined
  /** Always `true`: marks an event of a type this version does not know. */
  unknown: true
}

const envelope = {
  id: Id('event'),
  object: z.literal('event'),
  timestamp: Timestamp,
  api_version: z.string(),
  test: z.optional(z.boolean()),
}

function eventSchemaOf(type: EventType, category: EventCategory) {
  const data = eventDataSchemas[category]
  return z.object({
    ...envelope,
    type: z.literal(type),
    data,
    previous_attributes: z.optional(z.partial(data)),
  })
}

/**
 * The zod schema of each event type.
 *
 * @example
 * ```ts
 * eventSchemas['payment.approved'].parse(body)
 * ```
 */
export const eventSchemas = Object.fromEntries(
  eventTypes.map((type) => [type, eventSchemaOf(type, categoryOf(type))]),
) as unknown as { [T in EventType]: z.ZodMiniType<WebhookEventOf<T>> }

/**
 * Every event, as a zod discriminated union on `type`: parsing checks `data` against the schema of the event's
 * category.
 *
 * @example
 * ```ts
 * const event = WebhookEvent.parse(JSON.parse(rawBody))
 * if (event.type === 'payment.approved') event.data.amount
 * ```
 */
export const WebhookEvent = z.discriminatedUnion(
  'type',
  eventTypes.map((type) => eventSchemaOf(type, categoryOf(type))) as unknown as [
    ReturnType<typeof eventSchemaOf>,
    ...ReturnType<typeof eventSchemaOf>[],
  ],
) as unknown as z.ZodMiniType<WebhookEvent>

/**
 * The envelope every event shares whatever its type; used to read an event of an unknown type.
 *
 * @example
 * ```ts
 * EventEnvelope.parse(body).type
 * ```
 */
export const EventEnvelope = z.object({
  ...envelope,
  type: z.string().check(z.minLength(1)),
  data: z.record(z.string(), z.unknown()),
  previous_attributes: z.optional(z.record(z.string(), z.unknown())),
})

/**
 * The query of `GET /v1/events`.
 *
 * @example
 * ```ts
 * EventListQuery.parse({ type: 'booking.created', created_after: '2026-11-27T00:00:00.000Z' })
 * ```
 */
export const EventListQuery = listQuery({
  type: z.optional(
    z.enum(eventTypes, {
      error: 'must be an event type such as booking.created (see GET /v1/webhook-event-types)',
    }),
  ),
})
