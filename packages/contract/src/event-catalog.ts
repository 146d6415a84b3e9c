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

/** An event category (the seed's upper-case names). */
export type EventCategory = keyof typeof eventDataSchemas

/**
 * The 32 webhook event types, as the seed lists them: type, name, category and description. Every other
 * event type (the `EventType` union, the payload map, the zod union, the OpenAPI `webhooks`) derives from this.
 *
 * @example
 * ```ts
 * eventCatalog.find((e) => e.type === 'payment.approved')?.name // 'Payment Approved'
 * ```
 */
export const eventCatalog = [
  { type: 'appointment.status_changed', name: 'Appointment Status Change', category: 'APPOINTMENT', description: 'Triggered when an appointment status changes.' },
  { type: 'appointment.fieldworker_arrived', name: 'Fieldworker Arrived', category: 'APPOINTMENT', description: 'Triggered when a fieldworker arrives at the appointment location.' },
  { type: 'booking.created', name: 'Booking Created', category: 'BOOKING', description: 'Triggered when a new booking is created.' },
  { type: 'booking.deleted', name: 'Booking Deleted', category: 'BOOKING', description: 'Triggered when a booking is deleted.' },
  { type: 'booking.updated', name: 'Booking Updated', category: 'BOOKING', description: 'Triggered when a booking is updated.' },
  { type: 'communication.call_made', name: 'Call Made', category: 'COMMUNICATION', description: 'Triggered when a call is made.' },
  { type: 'communication.call_missed', name: 'Call Missed', category: 'COMMUNICATION', description: 'Triggered when a call is missed.' },
  { type: 'communication.call_received', name: 'Call Received', category: 'COMMUNICATION', description: 'Triggered when a call is received.' },
  { type: 'communication.sms_received', name: 'SMS Received', category: 'COMMUNICATION', description: 'Triggered when an SMS is received.' },
  { type: 'communication.whatsapp_received', name: 'Whatsapp Message Received', category: 'COMMUNICATION', description: 'Triggered when a WhatsApp message is received.' },
  { type: 'complaint.created', name: 'Complaint Created', category: 'COMPLAINT', description: 'Triggered when a new complaint is created.' },
  { type: 'complaint.deleted', name: 'Complaint Deleted', category: 'COMPLAINT', description: 'Triggered when a complaint is deleted.' },
  { type: 'complaint.updated', name: 'Complaint Updated', category: 'COMPLAINT', description: 'Triggered when a complaint is updated.' },
  { type: 'customer.created', name: 'Customer Created', category: 'CUSTOMER', description: 'Triggered when a new customer is created.' },
  { type: 'customer.deleted', name: 'Customer Deleted', category: 'CUSTOMER', description: 'Triggered when a customer is deleted.' },
  { type: 'customer.updated', name: 'Customer Updated', category: 'CUSTOMER', description: 'Triggered when customer information is updated.' },
  { type: 'inquiry.created', name: 'Inquiry Created', category: 'INQUIRY', description: 'Triggered when a new inquiry is created.' },
  { type: 'inquiry.deleted', name: 'Inquiry Deleted', category: 'INQUIRY', description: 'Triggered when an inquiry is deleted.' },
  { type: 'inquiry.updated', name: 'Inquiry Updated', category: 'INQUIRY', description: 'Triggered when an inquiry is updated.' },
  { type: 'invoice.created', name: 'Invoice Created', category: 'INVOICE', description: 'Triggered when a new invoice is created.' },
  { type: 'invoice.deleted', name: 'Invoice Deleted', category: 'INVOICE', description: 'Triggered when an invoice is deleted.' },
  { type: 'invoice.updated', name: 'Invoice Updated', category: 'INVOICE', description: 'Triggered when an invoice is updated.' },
  { type: 'payment.approved', name: 'Payment Approved', category: 'PAYMENT', description: 'Triggered when a payment is approved.' },
  { type: 'payment.created', name: 'Payment Created', category: 'PAYMENT', description: 'Triggered when a new payment is created.' },
  { type: 'payment.refunded', name: 'Payment Refunded', category: 'PAYMENT', description: 'Triggered when a payment is refunded.' },
  { type: 'payment.rejected', name: 'Payment Rejected', category: 'PAYMENT', description: 'Triggered when a payment is rejected.' },
  { type: 'quote.created', name: 'Quote Created', category: 'QUOTE', description: 'Triggered when a new quote is created.' },
  { type: 'quote.deleted', name: 'Quote Deleted', category: 'QUOTE', description: 'Triggered when a quote is deleted.' },
  { type: 'quote.updated', name: 'Quote Updated', category: 'QUOTE', description: 'Triggered when a quote is updated.' },
  { type: 'user.created', name: 'User Created', category: 'USER', description: 'Triggered when a new user is created.' },
  { type: 'user.deleted', name: 'User Deleted', category: 'USER', description: 'Triggered when a user is deleted.' },
  { type: 'user.updated', name: 'User Updated', category: 'USER', description: 'Triggered when user information is updated.' },
] as const satisfies readonly { type: string; name: string; category: EventCategory; description: string }[]

/** One entry of the event catalog. */
export type EventCatalogEntry = (typeof eventCatalog)[number]
/** The name of a webhook event type, e.g. `'payment.approved'`. */
export type EventType = EventCatalogEntry['type']
/** The category of an event type. */
export type CategoryOf<T extends EventType> = Extract<EventCatalogEntry, { type: T }>['category']
/** The prefix of a category's types (`'payment'` for PAYMENT), used by wildcard subscriptions such as `payment.*`. */
export type EventTypePrefix = EventType extends `${infer P}.${string}` ? P : never

/**
 * Every event type, in catalog order.
 *
 * @example
 * ```ts
 * eventTypes.length // 32
 * ```
 */
export const eventTypes: readonly EventType[] = eventCatalog.map((entry) => entry.type)

const byType = new Map<string, EventCatalogEntry>(eventCatalog.map((entry) => [entry.type, entry]))

/**
 * The catalog entry of an event type, or `undefined` for a type this version does not know.
 *
 * @example
 * ```ts
 * getEventCatalogEntry('payment.approved')?.category // 'PAYMENT'
 * ```
 */
export function getEventCatalogEntry(type: string): EventCatalogEntry | undefined {
  return byType.get(type)
}

/**
 * Whether a string is one of the 32 event types.
 *
 * @example
 * ```ts
 * isEventType('payment.approved') // true
 * ```
 */
export function isEventType(type: string): type is EventType {
  return byType.has(type)
}

/**
 * The seed's search box: the event types whose name, category or description contains `query`
 * (case-insensitive), optionally within one category. An empty query matches everything; "Select All Visible"
 * is every type returned.
 *
 * @example
 * ```ts
 * searchEventTypes('payment').map((e) => e.type)
 * // ['payment.approved', 'payment.created', 'payment.refunded', 'payment.rejected']
 * ```
 */
export function searchEventTypes(query = '', category?: EventCategory | Lowercase<EventCategory>): EventCatalogEntry[] {
  const needle = query.trim().toLowerCase()
  const wanted = category?.toUpperCase()
  return eventCatalog.filter(
    (entry) =>
      (wanted === undefined || entry.category === wanted) &&
      (needle === '' ||
        entry.name.toLowerCase().includes(needle) ||
        entry.category.toLowerCase().includes(needle) ||
        entry.description.toLowerCase().includes(needle)),
  )
}
