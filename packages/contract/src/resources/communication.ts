import * as z from 'zod/mini'
import { defineResource } from '../define-resource.js'
import { listQuery } from '../list.js'
import { Id, Text, Timestamp } from '../primitives.js'

/** The channel of a logged communication. @example `CommunicationChannel.parse('sms')` */
export const CommunicationChannel = z.enum(['call', 'sms', 'whatsapp'])
/** Whether a communication came in or went out. @example `CommunicationDirection.parse('inbound')` */
export const CommunicationDirection = z.enum(['inbound', 'outbound'])
/** Whether a call was answered (calls only). @example `CallStatus.parse('missed')` */
export const CallStatus = z.enum(['answered', 'missed'])

const communication = defineResource('communication', 'communication', {
  required: { channel: CommunicationChannel, direction: CommunicationDirection, from: Text(64), to: Text(64) },
  defaulted: {},
  defaults: {},
  optional: {
    call_status: CallStatus,
    customer_id: Id('customer'),
    user_id: Id('user'),
    body: Text(5000),
    duration_seconds: z.int().check(z.gte(0, 'must be zero or more'), z.lte(86_400, 'must be at most 86400')),
  },
  computed: { occurred_at: Timestamp },
})

type ChannelFields = { channel: string; call_status?: unknown; duration_seconds?: unknown; body?: unknown }

/** Calls carry `call_status`/`duration_seconds`; messages carry `body`. */
const fieldsFitChannel = z.superRefine((value: ChannelFields, ctx) => {
  const isCall = value.channel === 'call'
  for (const field of ['call_status', 'duration_seconds'] as const) {
    if (!isCall && value[field] != null) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `is for calls only; remove it for a ${value.channel}`,
        input: value[field],
      })
    }
  }
  if (isCall && value.body != null) {
    ctx.addIssue({
      code: 'custom',
      path: ['body'],
      message: 'is for sms and whatsapp only; remove it for a call',
      input: value.body,
    })
  }
})

/**
 * A logged call, SMS or WhatsApp message. Immutable once logged. A call without `call_status` is logged as
 * `answered`.
 *
 * @example
 * ```ts
 * Communication.parse(body)
 * ```
 */
export const Communication = communication.schema
/**
 * The body of `POST /v1/communications`; `occurred_at` defaults to now.
 *
 * @example
 * ```ts
 * CommunicationCreate.parse({
 *   channel: 'call',
 *   direction: 'inbound',
 *   call_status: 'missed',
 *   from: '+15550100',
 *   to: '+15550199',
 * })
 * ```
 */
export const CommunicationCreate = z
  .extend(communication.create, { occurred_at: z.optional(Timestamp) })
  .check(fieldsFitChannel)
/** The query of `GET /v1/communications`. @example `CommunicationListQuery.parse({ channel: 'call' })` */
export const CommunicationListQuery = listQuery({
  channel: z.optional(CommunicationChannel),
  direction: z.optional(CommunicationDirection),
  customer_id: z.optional(Id('customer')),
})

/** A logged communication. @example `const call: Communication = await op.communications.get('com_123')` */
export type Communication = z.output<typeof Communication>
/**
 * The body of a communication create.
 *
 * @example
 * ```ts
 * const body: CommunicationCreate = {
 *   channel: 'call',
 *   direction: 'inbound',
 *   call_status: 'missed',
 *   from: '+1 555 0142',
 *   to: '+1 555 0100',
 * }
 * ```
 */
export type CommunicationCreate = z.input<typeof CommunicationCreate>
