import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  type EventType,
  eventCatalog,
  eventTypes,
  getEventCatalogEntry,
  isEventType,
  type Payment,
  searchEventTypes,
  WebhookEvent,
  type WebhookEventOf,
} from '../src/index.js'
import { createSampleEvent } from '../src/samples/index.js'

// The 32 types of the wire contract §4 with the product's names and categories.
const expected: [string, string, string][] = [
  ['appointment.status_changed', 'Appointment Status Change', 'APPOINTMENT'],
  ['appointment.fieldworker_arrived', 'Fieldworker Arrived', 'APPOINTMENT'],
  ['booking.created', 'Booking Created', 'BOOKING'],
  ['booking.deleted', 'Booking Deleted', 'BOOKING'],
  ['booking.updated', 'Booking Updated', 'BOOKING'],
  ['communication.call_made', 'Call Made', 'COMMUNICATION'],
  ['communication.call_missed', 'Call Missed', 'COMMUNICATION'],
  ['communication.call_received', 'Call Received', 'COMMUNICATION'],
  ['communication.sms_received', 'SMS Received', 'COMMUNICATION'],
  ['communication.whatsapp_received', 'Whatsapp Message Received', 'COMMUNICATION'],
  ['complaint.created', 'Complaint Created', 'COMPLAINT'],
  ['complaint.deleted', 'Complaint Deleted', 'COMPLAINT'],
  ['complaint.updated', 'Complaint Updated', 'COMPLAINT'],
  ['customer.created', 'Customer Created', 'CUSTOMER'],
  ['customer.deleted', 'Customer Deleted', 'CUSTOMER'],
  ['customer.updated', 'Customer Updated', 'CUSTOMER'],
  ['inquiry.created', 'Inquiry Created', 'INQUIRY'],
  ['inquiry.deleted', 'Inquiry Deleted', 'INQUIRY'],
  ['inquiry.updated', 'Inquiry Updated', 'INQUIRY'],
  ['invoice.created', 'Invoice Created', 'INVOICE'],
  ['invoice.deleted', 'Invoice Deleted', 'INVOICE'],
  ['invoice.updated', 'Invoice Updated', 'INVOICE'],
  ['payment.approved', 'Payment Approved', 'PAYMENT'],
  ['payment.created', 'Payment Created', 'PAYMENT'],
  ['payment.refunded', 'Payment Refunded', 'PAYMENT'],
  ['payment.rejected', 'Payment Rejected', 'PAYMENT'],
  ['quote.created', 'Quote Created', 'QUOTE'],
  ['quote.deleted', 'Quote Deleted', 'QUOTE'],
  ['quote.updated', 'Quote Updated', 'QUOTE'],
  ['user.created', 'User Created', 'USER'],
  ['user.deleted', 'User Deleted', 'USER'],
  ['user.updated', 'User Updated', 'USER'],
]

describe('event catalog', () => {
  it('has exactly the 32 types of the wire contract with the product names and categories', () => {
    expect(eventCatalog.map((e) => [e.type, e.name, e.category])).toEqual(expected)
    expect(new Set(eventTypes).size).toBe(32)
  })

  it('describes every type with the product\'s "Triggered when …" sentence', () => {
    for (const entry of eventCatalog) expect(entry.description).toMatch(/^Triggered when .+\.$/)
    expect(getEventCatalogEntry('communication.whatsapp_received')?.description).toBe(
      'Triggered when a WhatsApp message is received.',
    )
  })

  it('knows its own types and no others', () => {
    expect(isEventType('payment.approved')).toBe(true)
    expect(isEventType('payment.exploded')).toBe(false)
    expect(getEventCatalogEntry('nope')).toBeUndefined()
  })
})

describe('searchEventTypes (the settings page search box)', () => {
  it('matches names case-insensitively', () => {
    expect(searchEventTypes('PAYMENT').map((e) => e.type)).toEqual([
      'payment.approved',
      'payment.created',
      'payment.refunded',
      'payment.rejected',
    ])
  })

  it('matches categories and descriptions', () => {
    expect(searchEventTypes('communication').map((e) => e.type)).toEqual([
      'communication.call_made',
      'communication.call_missed',
      'communication.call_received',
      'communication.sms_received',
      'communication.whatsapp_received',
    ])
    // Only the description of fieldworker_arrived mentions a location.
    expect(searchEventTypes('location').map((e) => e.type)).toEqual(['appointment.fieldworker_arrived'])
    expect(searchEventTypes('deleted').length).toBe(7)
  })

  it('filters by category and returns everything for an empty query', () => {
    expect(searchEventTypes('', 'USER').map((e) => e.type)).toEqual(['user.created', 'user.deleted', 'user.updated'])
    expect(searchEventTypes('created', 'booking').map((e) => e.type)).toEqual(['booking.created'])
    expect(searchEventTypes('   ')).toHaveLength(32)
    expect(searchEventTypes('zzz')).toEqual([])
  })
})

describe('WebhookEvent union', () => {
  it('parses a sample of every type', () => {
    for (const type of eventTypes) {
      const result = WebhookEvent.safeParse(createSampleEvent(type))
      expect(result.success, type).toBe(true)
    }
  })

  it('checks data against the schema of the event category', () => {
    const event = createSampleEvent('payment.approved')
    const bad = { ...event, data: { ...event.data, amount: 'lots' } }
    const result = WebhookEvent.safeParse(bad)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['data', 'amount'])
    // A payment event whose data is a customer is not a payment event.
    expect(WebhookEvent.safeParse({ ...event, data: createSampleEvent('customer.created').data }).success).toBe(false)
  })

  it('rejects an unknown type (receivers treat those as UnknownWebhookEvent)', () => {
    expect(WebhookEvent.safeParse({ ...createSampleEvent('user.created'), type: 'user.promoted' }).success).toBe(false)
  })

  it('applies overrides to the sample', () => {
    const event = createSampleEvent('payment.approved', { id: 'evt_custom', data: { amount: 5000 } })
    expect(event.id).toBe('evt_custom')
    expect(event.data.amount).toBe(5000)
    expect(event.data.status).toBe('approved')
    expect(createSampleEvent('communication.sms_received').data).toMatchObject({ channel: 'sms', direction: 'inbound' })
    expect(createSampleEvent('payment.rejected').data.failure_reason).toBe('Card declined')
    expect(() => createSampleEvent('nope' as EventType)).toThrow(/not an event type/)
  })
})

describe('event types (compile-time)', () => {
  it('narrows data to the resource of the category', () => {
    expectTypeOf<WebhookEventOf<'payment.approved'>['data']>().toEqualTypeOf<Payment>()
    expectTypeOf<WebhookEventOf<'communication.call_missed'>['data']['channel']>().toEqualTypeOf<
      'call' | 'sms' | 'whatsapp'
    >()
  })

  it('narrows the union on type', () => {
    const event = WebhookEvent.parse(createSampleEvent('booking.created')) as WebhookEvent
    if (event.type === 'booking.created') {
      expectTypeOf(event.data.service).toEqualTypeOf<string>()
      // @ts-expect-error a booking has no amount
      void event.data.amount
    }
    if (event.type === 'payment.refunded') expectTypeOf(event.data.amount_refunded).toEqualTypeOf<number>()
  })

  it('refuses names outside the catalog', () => {
    // @ts-expect-error not an event type
    type _Nope = WebhookEventOf<'payment.exploded'>
    expectTypeOf<EventType>().toMatchTypeOf<string>()
  })
})
