import { Appointment } from './resources/appointment.js'
import { Booking } from './resources/booking.js'
import { Communication } from './resources/communication.js'
import { Complaint } from './resources/complaint.js'
import { Customer } from './resources/customer.js'
import { Inquiry } from './resources/inquiry.js'
import { Invoice } from './resources/invoice.js'
import { Payment } from './resources/payment.js'
import { Quote } from './resources/quote.js'
import { User } from './resources/user.js'

/**
 * The 32 webhook event types, in catalog order. Every type is `<resource>.<what happened>`, and its category is
 * the resource in upper case (`payment.approved` → PAYMENT). The names and descriptions are in
 * {@link eventCatalog}; this list is all the schemas need (so a client bundle carries no prose).
 *
 * @example
 * ```ts
 * eventTypes.length // 32
 * ```
 */
export const eventTypes = [
  'appointment.status_changed',
  'appointment.fieldworker_arrived',
  'booking.created',
  'booking.deleted',
  'booking.updated',
  'communication.call_made',
  'communication.call_missed',
  'communication.call_received',
  'communication.sms_received',
  'communication.whatsapp_received',
  'complaint.created',
  'complaint.deleted',
  'complaint.updated',
  'customer.created',
  'customer.deleted',
  'customer.updated',
  'inquiry.created',
  'inquiry.deleted',
  'inquiry.updated',
  'invoice.created',
  'invoice.deleted',
  'invoice.updated',
  'payment.approved',
  'payment.created',
  'payment.refunded',
  'payment.rejected',
  'quote.created',
  'quote.deleted',
  'quote.updated',
  'user.created',
  'user.deleted',
  'user.updated',
] as const

/**
 * The name of a webhook event type, e.g. `'payment.approved'`.
 *
 * @example `const types: EventType[] = ['booking.created', 'payment.approved']`
 */
export type EventType = (typeof eventTypes)[number]

/**
 * The data schema of each event category: an event of a category carries that resource as `data`.
 *
 * @example
 * ```ts
 * eventDataSchemas.PAYMENT.parse(event.data)
 * ```
 */
export const eventDataSchemas = {
  APPOINTMENT: Appointment,
  BOOKING: Booking,
  COMMUNICATION: Communication,
  COMPLAINT: Complaint,
  CUSTOMER: Customer,
  INQUIRY: Inquiry,
  INVOICE: Invoice,
  PAYMENT: Payment,
  QUOTE: Quote,
  USER: User,
} as const

/** An event category (the product's upper-case names). @example `const category: EventCategory = 'PAYMENT'` */
export type EventCategory = keyof typeof eventDataSchemas
/**
 * The prefix of a category's types (`'payment'` for PAYMENT), used by wildcard subscriptions such as `payment.*`.
 *
 * @example `const prefix: EventTypePrefix = 'payment' // subscribe with 'payment.*'`
 */
export type EventTypePrefix = EventType extends `${infer P}.${string}` ? P : never
/** The category of an event type. @example `type C = CategoryOf<'payment.approved'> // 'PAYMENT'` */
export type CategoryOf<T extends EventType> = T extends `${infer P}.${string}` ? Uppercase<P> & EventCategory : never

/**
 * The category of an event type: its resource in upper case.
 *
 * @example
 * ```ts
 * categoryOf('communication.call_missed') // 'COMMUNICATION'
 * ```
 */
export function categoryOf<T extends EventType>(type: T): CategoryOf<T> {
  return type.slice(0, type.indexOf('.')).toUpperCase() as CategoryOf<T>
}

const known = new Set<string>(eventTypes)

/**
 * Whether a string is one of the 32 event types.
 *
 * @example
 * ```ts
 * isEventType('payment.approved') // true
 * ```
 */
export function isEventType(type: string): type is EventType {
  return known.has(type)
}
