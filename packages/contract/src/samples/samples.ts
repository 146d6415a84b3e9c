import { categoryOf, type EventCategory, type EventType, isEventType } from '../event-types.js'
import { API_VERSION, type EventDataOf, type WebhookEventOf } from '../events.js'

const at = '2026-11-27T09:00:00.000Z'
const stamps = { metadata: {}, created_at: at, updated_at: at }

/**
 * One realistic example of every resource that events carry, valid against its schema. Used for sample and
 * test events, documentation and the contract's own tests.
 *
 * @example
 * ```ts
 * sampleObjects.CUSTOMER.name // 'Ada Lovelace'
 * ```
 */
export const sampleObjects: { readonly [C in EventCategory]: EventDataOf<C> } = {
  CUSTOMER: {
    id: 'cus_01jdqs4v5w6x7y8z9a0b1c2d3e',
    object: 'customer',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+1 555 0100',
    company: 'Analytical Engines Ltd',
    notes: null,
    tags: ['vip'],
    address: {
      line1: '12 Babbage Row',
      line2: null,
      city: 'Springfield',
      region: 'IL',
      postal_code: '62701',
      country: 'US',
    },
    ...stamps,
  },
  USER: {
    id: 'usr_01jdqs4v5w6x7y8z9a0b1c2d3e',
    object: 'user',
    name: 'Sam Rivera',
    email: 'sam@example.com',
    phone: '+1 555 0101',
    role: 'fieldworker',
    active: true,
    ...stamps,
  },
  INQUIRY: {
    id: 'inq_01jdqs4v5w6x7y8z9a0b1c2d3e',
    object: 'inquiry',
    customer_id: null,
    name: 'Grace Hopper',
    email: 'grace@example.com',
    phone: null,
    service: 'Gutter cleaning',
    message: 'Two-storey house, front and back.',
    budget: { amount: 25000, currency: 'usd' },
    preferred_date: '2026-12-03',
    source: 'website',
    status: 'new',
    assigned_user_id: null,
    ...stamps,
  },
  QUOTE: {
    id: 'quo_01jdqs4v5w6x7y8z9a0b1c2d3e',
    object: 'quote',
    customer_id: 'cus_01jdqs4v5w6x7y8z9a0b1c2d3e',
    inquiry_id: 'inq_01jdqs4v5w6x7y8z9a0b1c2d3e',
    status: 'sent',
    line_items: [{ description: 'Gutter cleaning, two storeys', quantity: 1, unit_amount: 18000, tax_rate: 10 }],
    currency: 'usd',
    subtotal: 18000,
    tax: 1800,
    total: 19800,
    valid_until: '2026-12-27',
    notes: null,
    ...stamps,
  },
  BOOKING: {
    id: 'bkg_01jdqs4v5w6x7y8z9a0b1c2d3e',
    object: 'booking',
    customer_id: 'cus_01jdqs4v5w6x7y8z9a0b1c2d3e',
    quote_id: 'quo_01jdqs4v5w6x7y8z9a0b1c2d3e',
    service: 'Gutter cleaning',
    status: 'confirmed',
    address: null,
    scheduled_start: '2026-12-03T09:00:00.000Z',
    scheduled_end: '2026-12-03T11:00:00.000Z',
    assigned_user_ids: ['usr_01jdqs4v5w6x7y8z9a0b1c2d3e'],
    notes: null,
    ...stamps,
  },
  APPOINTMENT: {
    id: 'apt_01jdqs4v5w6x7y8z9a0b1c2d3e',
    object: 'appointment',
    booking_id: 'bkg_01jdqs4v5w6x7y8z9a0b1c2d3e',
    fieldworker_id: 'usr_01jdqs4v5w6x7y8z9a0b1c2d3e',
    status: 'arrived',
    scheduled_start: '2026-12-03T09:00:00.000Z',
    scheduled_end: '2026-12-03T11:00:00.000Z',
    arrived_at: '2026-12-03T08:58:00.000Z',
    completed_at: null,
    ...stamps,
  },
  INVOICE: {
    id: 'inv_01jdqs4v5w6x7y8z9a0b1c2d3e',
    object: 'invoice',
    customer_id: 'cus_01jdqs4v5w6x7y8z9a0b1c2d3e',
    booking_id: 'bkg_01jdqs4v5w6x7y8z9a0b1c2d3e',
    number: 'INV-000001',
    status: 'open',
    line_items: [{ description: 'Gutter cleaning, two storeys', quantity: 1, unit_amount: 18000, tax_rate: 10 }],
    currency: 'usd',
    subtotal: 18000,
    tax: 1800,
    total: 19800,
    amount_paid: 0,
    amount_due: 19800,
    due_date: '2026-12-17',
    notes: null,
    ...stamps,
  },
  PAYMENT: {
    id: 'pay_01jdqs4v5w6x7y8z9a0b1c2d3e',
    object: 'payment',
    customer_id: 'cus_01jdqs4v5w6x7y8z9a0b1c2d3e',
    invoice_id: 'inv_01jdqs4v5w6x7y8z9a0b1c2d3e',
    amount: 19800,
    currency: 'usd',
    method: 'card',
    gateway: 'authorize_net',
    status: 'approved',
    amount_refunded: 0,
    failure_reason: null,
    ...stamps,
  },
  COMPLAINT: {
    id: 'cmp_01jdqs4v5w6x7y8z9a0b1c2d3e',
    object: 'complaint',
    customer_id: 'cus_01jdqs4v5w6x7y8z9a0b1c2d3e',
    booking_id: 'bkg_01jdqs4v5w6x7y8z9a0b1c2d3e',
    subject: 'Arrived late',
    description: 'The crew arrived two hours after the window.',
    severity: 'medium',
    status: 'open',
    assigned_user_id: null,
    ...stamps,
  },
  COMMUNICATION: {
    id: 'com_01jdqs4v5w6x7y8z9a0b1c2d3e',
    object: 'communication',
    channel: 'call',
    direction: 'inbound',
    call_status: 'missed',
    from: '+1 555 0100',
    to: '+1 555 0199',
    customer_id: 'cus_01jdqs4v5w6x7y8z9a0b1c2d3e',
    user_id: null,
    body: null,
    duration_seconds: 0,
    occurred_at: at,
    ...stamps,
  },
}

/** What a sample communication of each communication event looks like. */
const communicationShapes: Partial<Record<EventType, Partial<EventDataOf<'COMMUNICATION'>>>> = {
  'communication.call_made': { channel: 'call', direction: 'outbound', call_status: 'answered', duration_seconds: 245 },
  'communication.call_received': {
    channel: 'call',
    direction: 'inbound',
    call_status: 'answered',
    duration_seconds: 132,
  },
  'communication.call_missed': { channel: 'call', direction: 'inbound', call_status: 'missed', duration_seconds: 0 },
  'communication.sms_received': {
    channel: 'sms',
    direction: 'inbound',
    call_status: null,
    duration_seconds: null,
    body: 'Running 10 min late?',
  },
  'communication.whatsapp_received': {
    channel: 'whatsapp',
    direction: 'inbound',
    call_status: null,
    duration_seconds: null,
    body: 'Can we move to Thursday?',
  },
}

/**
 * Overrides of {@link createSampleEvent}: any envelope field, and fields of `data` merged over the sample.
 *
 * @example `const overrides: SampleEventOverrides<'payment.approved'> = { data: { amount: 5000 } }`
 */
export type SampleEventOverrides<T extends EventType> = Partial<Omit<WebhookEventOf<T>, 'data' | 'type'>> & {
  data?: Partial<WebhookEventOf<T>['data']>
}

/**
 * A valid event of any type, built from {@link sampleObjects} and consistent with the type (a
 * `communication.sms_received` carries an inbound SMS, a `payment.refunded` a refunded payment). Overrides are
 * merged in, `data` field by field.
 *
 * @example
 * ```ts
 * const event = createSampleEvent('payment.approved', { data: { amount: 5000 } })
 * event.data.amount // 5000
 * ```
 */
export function createSampleEvent<T extends EventType>(
  type: T,
  overrides: SampleEventOverrides<T> = {},
): WebhookEventOf<T> {
  if (!isEventType(type)) throw new TypeError(`'${type}' is not an event type`)
  const { data: dataOverrides, ...envelope } = overrides
  const base = { ...sampleObjects[categoryOf(type)], ...typeSpecificFields(type) }
  const event = {
    id: 'evt_01jdqs4v5w6x7y8z9a0b1c2d3e',
    object: 'event',
    type,
    timestamp: at,
    api_version: API_VERSION,
    data: { ...base, ...dataOverrides },
    ...previousAttributesOf(type),
    ...envelope,
  }
  return event as unknown as WebhookEventOf<T>
}

function typeSpecificFields(type: EventType): Record<string, unknown> {
  if (type in communicationShapes) return communicationShapes[type] ?? {}
  switch (type) {
    case 'payment.created':
      return { status: 'pending' }
    case 'payment.rejected':
      return { status: 'rejected', failure_reason: 'Card declined' }
    case 'payment.refunded':
      return { status: 'refunded', amount_refunded: 19800 }
    case 'appointment.status_changed':
      return { status: 'confirmed', arrived_at: null }
    default:
      return {}
  }
}

/** What a typical update of each resource changed, as the old values. */
const typicalChanges: Partial<Record<EventType, Record<string, unknown>>> = {
  'appointment.status_changed': { status: 'scheduled' },
  'booking.updated': {
    status: 'pending',
    scheduled_start: '2026-12-02T09:00:00.000Z',
    scheduled_end: '2026-12-02T11:00:00.000Z',
  },
  'complaint.updated': { status: 'in_progress' },
  'customer.updated': { phone: '+1 555 0111' },
  'inquiry.updated': { status: 'contacted' },
  'invoice.updated': { status: 'draft' },
  'quote.updated': { status: 'draft' },
  'user.updated': { role: 'sales' },
}

function previousAttributesOf(type: EventType): { previous_attributes?: Record<string, unknown> } {
  const changed = typicalChanges[type]
  return changed ? { previous_attributes: { ...changed, updated_at: '2026-11-26T09:00:00.000Z' } } : {}
}
