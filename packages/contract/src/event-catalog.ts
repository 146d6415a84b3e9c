import { categoryOf, type EventCategory, type EventType, eventTypes } from './event-types.js'

/** The product's name and "Triggered when …" description of every event type. */
const eventDocs = {
  'appointment.status_changed': {
    name: 'Appointment Status Change',
    description: 'Triggered when an appointment status changes.',
  },
  'appointment.fieldworker_arrived': {
    name: 'Fieldworker Arrived',
    description: 'Triggered when a fieldworker arrives at the appointment location.',
  },
  'booking.created': { name: 'Booking Created', description: 'Triggered when a new booking is created.' },
  'booking.deleted': { name: 'Booking Deleted', description: 'Triggered when a booking is deleted.' },
  'booking.updated': { name: 'Booking Updated', description: 'Triggered when a booking is updated.' },
  'communication.call_made': { name: 'Call Made', description: 'Triggered when a call is made.' },
  'communication.call_missed': { name: 'Call Missed', description: 'Triggered when a call is missed.' },
  'communication.call_received': { name: 'Call Received', description: 'Triggered when a call is received.' },
  'communication.sms_received': { name: 'SMS Received', description: 'Triggered when an SMS is received.' },
  'communication.whatsapp_received': {
    name: 'Whatsapp Message Received',
    description: 'Triggered when a WhatsApp message is received.',
  },
  'complaint.created': { name: 'Complaint Created', description: 'Triggered when a new complaint is created.' },
  'complaint.deleted': { name: 'Complaint Deleted', description: 'Triggered when a complaint is deleted.' },
  'complaint.updated': { name: 'Complaint Updated', description: 'Triggered when a complaint is updated.' },
  'customer.created': { name: 'Customer Created', description: 'Triggered when a new customer is created.' },
  'customer.deleted': { name: 'Customer Deleted', description: 'Triggered when a customer is deleted.' },
  'customer.updated': { name: 'Customer Updated', description: 'Triggered when customer information is updated.' },
  'inquiry.created': { name: 'Inquiry Created', description: 'Triggered when a new inquiry is created.' },
  'inquiry.deleted': { name: 'Inquiry Deleted', description: 'Triggered when an inquiry is deleted.' },
  'inquiry.updated': { name: 'Inquiry Updated', description: 'Triggered when an inquiry is updated.' },
  'invoice.created': { name: 'Invoice Created', description: 'Triggered when a new invoice is created.' },
  'invoice.deleted': { name: 'Invoice Deleted', description: 'Triggered when an invoice is deleted.' },
  'invoice.updated': { name: 'Invoice Updated', description: 'Triggered when an invoice is updated.' },
  'payment.approved': { name: 'Payment Approved', description: 'Triggered when a payment is approved.' },
  'payment.created': { name: 'Payment Created', description: 'Triggered when a new payment is created.' },
  'payment.refunded': { name: 'Payment Refunded', description: 'Triggered when a payment is refunded.' },
  'payment.rejected': { name: 'Payment Rejected', description: 'Triggered when a payment is rejected.' },
  'quote.created': { name: 'Quote Created', description: 'Triggered when a new quote is created.' },
  'quote.deleted': { name: 'Quote Deleted', description: 'Triggered when a quote is deleted.' },
  'quote.updated': { name: 'Quote Updated', description: 'Triggered when a quote is updated.' },
  'user.created': { name: 'User Created', description: 'Triggered when a new user is created.' },
  'user.deleted': { name: 'User Deleted', description: 'Triggered when a user is deleted.' },
  'user.updated': { name: 'User Updated', description: 'Triggered when user information is updated.' },
} as const satisfies Record<EventType, { name: string; description: string }>

/**
 * One entry of the event catalog.
 *
 * @example `const entry: EventCatalogEntry = getEventCatalogEntry('payment.approved')!`
 */
export interface EventCatalogEntry {
  type: EventType
  name: string
  category: EventCategory
  description: string
}

/**
 * The 32 webhook event types as the product lists them: type, name, category and description — the documentation
 * side of {@link eventTypes} (the search box, the settings page, the OpenAPI `webhooks`, the docs).
 *
 * @example
 * ```ts
 * eventCatalog.find((e) => e.type === 'payment.approved')?.name // 'Payment Approved'
 * ```
 */
export const eventCatalog: readonly EventCatalogEntry[] = eventTypes.map((type) => ({
  type,
  name: eventDocs[type].name,
  category: categoryOf(type),
  description: eventDocs[type].description,
}))

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
 * The settings page's search box: the event types whose name, category or description contains `query`
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
