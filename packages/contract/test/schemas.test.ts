import { describe, expect, it } from 'vitest'
import type * as z from 'zod/mini'
import {
  Account,
  Address,
  ApiKey,
  ApiKeyCreate,
  ApiKeyWithSecret,
  Appointment,
  AppointmentCreate,
  AppointmentUpdate,
  Booking,
  BookingCreate,
  BookingUpdate,
  Communication,
  CommunicationCreate,
  Complaint,
  ComplaintCreate,
  Customer,
  CustomerCreate,
  CustomerListQuery,
  CustomerUpdate,
  DeletedObject,
  describeIssues,
  ErrorBody,
  Inquiry,
  InquiryCreate,
  Integration,
  IntegrationConnect,
  Invoice,
  InvoiceCreate,
  InvoiceUpdate,
  integrationCatalog,
  LineItem,
  ListEnvelope,
  Metadata,
  Payment,
  PaymentCreate,
  PaymentRefund,
  Quote,
  QuoteCreate,
  summarizeIssues,
  User,
  UserCreate,
  UserListQuery,
  validate,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointSecret,
  WebhookEndpointWithSecret,
  WebhookEventType,
  WebhookTestEvent,
} from '../src/index.js'
import { sampleObjects } from '../src/samples/index.js'

/** Parses and returns the readable details of a failure (or [] on success). */
function problems(schema: z.ZodMiniType, input: unknown) {
  const result = validate(schema, input)
  return result.success ? [] : result.details
}

const at = '2026-11-27T09:00:00.000Z'
const whsec = `whsec_${Buffer.alloc(32, 7).toString('base64')}`

describe('resource objects accept realistic examples', () => {
  const cases: [string, z.ZodMiniType, unknown][] = [
    ['customer', Customer, sampleObjects.CUSTOMER],
    ['user', User, sampleObjects.USER],
    ['inquiry', Inquiry, sampleObjects.INQUIRY],
    ['quote', Quote, sampleObjects.QUOTE],
    ['booking', Booking, sampleObjects.BOOKING],
    ['appointment', Appointment, sampleObjects.APPOINTMENT],
    ['invoice', Invoice, sampleObjects.INVOICE],
    ['payment', Payment, sampleObjects.PAYMENT],
    ['complaint', Complaint, sampleObjects.COMPLAINT],
    ['communication', Communication, sampleObjects.COMMUNICATION],
    [
      'account',
      Account,
      {
        id: 'acct_1',
        object: 'account',
        name: 'Sparkle Cleaning',
        plan: 'growth',
        timezone: 'America/Chicago',
        currency: 'usd',
      },
    ],
    [
      'api_key',
      ApiKey,
      {
        id: 'key_1',
        object: 'api_key',
        name: 'Data Warehouse Sync',
        mode: 'read_only',
        prefix: 'opk_Ab3d',
        last4: 'x9Z0',
        status: 'active',
        expires_at: null,
        last_used_at: at,
        created_at: at,
        updated_at: at,
      },
    ],
    [
      'api_key with secret',
      ApiKeyWithSecret,
      {
        id: 'key_1',
        object: 'api_key',
        name: 'Sync',
        mode: 'read_write',
        prefix: 'opk_Ab3d',
        last4: 'x9Z0',
        status: 'active',
        expires_at: null,
        last_used_at: null,
        created_at: at,
        updated_at: at,
        secret: `opk_${'a'.repeat(40)}`,
      },
    ],
    [
      'integration',
      Integration,
      {
        id: 'mailchimp',
        object: 'integration',
        name: 'Mailchimp',
        category: 'marketing',
        status: 'connected',
        required_plan: null,
        connected_at: at,
        settings: { double_opt_in: true },
        credentials_set: ['api_key', 'audience_id'],
      },
    ],
    [
      'webhook endpoint',
      WebhookEndpoint,
      {
        id: 'whk_1',
        object: 'webhook_endpoint',
        name: 'Order Notifications',
        url: 'https://your-domain.com/webhook',
        event_types: ['booking.created', 'payment.approved'],
        active: true,
        description: null,
        disabled_reason: null,
        signing: 'ed25519',
        public_key: 'whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=',
        metadata: {},
        created_at: at,
        updated_at: at,
      },
    ],
    [
      'webhook endpoint with secret',
      WebhookEndpointWithSecret,
      {
        id: 'whk_1',
        object: 'webhook_endpoint',
        name: 'All',
        url: 'http://127.0.0.1:3000/hook',
        event_types: ['*'],
        active: false,
        description: 'everything',
        disabled_reason: 'gone',
        signing: 'hmac_sha256',
        public_key: null,
        metadata: {},
        created_at: at,
        updated_at: at,
        secret: whsec,
      },
    ],
    [
      'webhook endpoint secret',
      WebhookEndpointSecret,
      {
        object: 'webhook_endpoint_secret',
        endpoint_id: 'whk_1',
        secret: whsec,
        public_key: null,
        previous_secret: null,
        previous_public_key: null,
        previous_secret_expires_at: null,
      },
    ],
    [
      'webhook delivery',
      WebhookDelivery,
      {
        id: 'dlv_1',
        object: 'webhook_delivery',
        endpoint_id: 'whk_1',
        event_id: 'evt_1',
        event_type: 'booking.created',
        status: 'pending',
        attempts: [
          { at, status_code: 500, error: null, duration_ms: 12.5, response_body_excerpt: 'oops' },
          { at, status_code: null, error: 'ECONNREFUSED', duration_ms: 1, response_body_excerpt: null },
        ],
        next_attempt_at: at,
        created_at: at,
        updated_at: at,
      },
    ],
    [
      'webhook event type',
      WebhookEventType,
      {
        object: 'webhook_event_type',
        type: 'payment.approved',
        name: 'Payment Approved',
        category: 'PAYMENT',
        description: 'Triggered when a payment is approved.',
      },
    ],
    ['deleted object', DeletedObject, { id: 'cus_1', object: 'customer', deleted: true }],
    [
      'list envelope',
      ListEnvelope(Customer),
      { object: 'list', data: [sampleObjects.CUSTOMER], has_more: false, next_cursor: null },
    ],
    [
      'error body',
      ErrorBody,
      {
        error: {
          type: 'invalid_request_error',
          code: 'unknown_parameter',
          message: 'nme is not a parameter',
          param: 'nme',
          details: [{ path: 'nme', message: 'unknown parameter: nme' }],
          request_id: 'req_1',
        },
      },
    ],
  ]
  it.each(cases)('%s', (_name, schema, example) => {
    expect(problems(schema, example)).toEqual([])
  })
})

describe('create bodies', () => {
  it('apply defaults', () => {
    expect(CustomerCreate.parse({ name: 'Ada' })).toEqual({ name: 'Ada', tags: [] })
    expect(UserCreate.parse({ name: 'Sam', email: 'sam@example.com', role: 'fieldworker' }).active).toBe(true)
    expect(InquiryCreate.parse({ name: 'Grace', service: 'Gutters' })).toMatchObject({ status: 'new', source: 'other' })
    expect(
      InvoiceCreate.parse({
        customer_id: 'cus_1',
        line_items: [{ description: 'Visit', quantity: 1, unit_amount: 100 }],
      }),
    ).toMatchObject({ status: 'open', currency: 'usd', line_items: [{ tax_rate: 0 }] })
    expect(PaymentCreate.parse({ customer_id: 'cus_1', amount: 100, method: 'cash' })).toMatchObject({
      currency: 'usd',
      gateway: 'manual',
    })
    expect(ComplaintCreate.parse({ customer_id: 'cus_1', subject: 'Late', description: 'Two hours' })).toMatchObject({
      severity: 'medium',
      status: 'open',
    })
    expect(ApiKeyCreate.parse({ name: 'Sync' }).mode).toBe('read_write')
    expect(WebhookEndpointCreate.parse({ name: 'n', url: 'https://a.example/h', event_types: ['*'] }).active).toBe(true)
  })

  it('reject unknown keys, naming each one (typo catching)', () => {
    expect(problems(CustomerCreate, { name: 'Ada', emial: 'a@b.co' })).toEqual([
      { path: 'emial', message: 'unknown parameter: emial' },
    ])
    expect(problems(Address, { line1: 'x', city: 'y', country: 'US', zip: '1' })).toEqual([
      { path: 'zip', message: 'unknown parameter: zip' },
    ])
  })

  it('reject missing required fields', () => {
    expect(problems(CustomerCreate, {})).toEqual([{ path: 'name', message: 'is required' }])
    expect(problems(QuoteCreate, { customer_id: 'cus_1' })).toEqual([{ path: 'line_items', message: 'is required' }])
  })

  it('reject wrong types and enums with readable messages', () => {
    expect(problems(UserCreate, { name: 'Sam', email: 'sam@example.com', role: 'wizard' })).toEqual([
      { path: 'role', message: 'must be one of: admin, manager, dispatcher, fieldworker, sales, accountant' },
    ])
    expect(problems(CustomerCreate, { name: 42 })).toEqual([{ path: 'name', message: 'must be a string' }])
    expect(problems(CustomerCreate, { name: '' })).toEqual([{ path: 'name', message: 'must not be empty' }])
    expect(problems(CustomerCreate, { name: 'x'.repeat(201) })).toEqual([
      { path: 'name', message: 'must be at most 200 characters' },
    ])
  })

  it('check e-mail, phone, currency, country and id prefixes', () => {
    expect(problems(CustomerCreate, { name: 'A', email: 'not-an-email' })[0]?.path).toBe('email')
    expect(problems(CustomerCreate, { name: 'A', phone: 'call me' })[0]?.message).toMatch(/phone number/)
    expect(
      problems(QuoteCreate, {
        customer_id: 'cus_1',
        currency: 'USD',
        line_items: [{ description: 'x', quantity: 1, unit_amount: 1 }],
      }),
    ).toEqual([{ path: 'currency', message: "must be a lower-case ISO 4217 code such as 'usd'" }])
    expect(problems(Address, { line1: 'x', city: 'y', country: 'usa' })[0]?.path).toBe('country')
    expect(
      problems(BookingCreate, {
        customer_id: 'usr_1',
        service: 's',
        scheduled_start: at,
        scheduled_end: '2026-11-27T10:00:00.000Z',
      }),
    ).toEqual([{ path: 'customer_id', message: 'must be a customer id (cus_…)' }])
  })

  it('treat money as integer minor units', () => {
    expect(problems(PaymentCreate, { customer_id: 'cus_1', amount: 19.99, method: 'card' })[0]).toEqual({
      path: 'amount',
      message: 'must be an integer amount in minor units (1999 = 19.99)',
    })
    expect(problems(PaymentCreate, { customer_id: 'cus_1', amount: 0, method: 'card' })[0]?.message).toBe(
      'must be greater than zero',
    )
    expect(problems(PaymentRefund, { amount: -5 })[0]?.path).toBe('amount')
    expect(problems(LineItem, { description: 'x', quantity: 0, unit_amount: 1 })[0]).toEqual({
      path: 'quantity',
      message: 'must be greater than zero',
    })
    expect(problems(LineItem, { description: 'x', quantity: 1, unit_amount: 1, tax_rate: 101 })[0]).toEqual({
      path: 'tax_rate',
      message: 'must be 0 to 100',
    })
    expect(problems(QuoteCreate, { customer_id: 'cus_1', line_items: [] })[0]).toEqual({
      path: 'line_items',
      message: 'must have at least one line item',
    })
    // each field fits, but the computed total would not
    expect(
      problems(QuoteCreate, {
        customer_id: 'cus_1',
        line_items: [{ description: 'x', quantity: 2.5, unit_amount: 99_999_999_999 }],
      }),
    ).toEqual([
      {
        path: 'line_items',
        message: 'must total at most 99999999999 (tax included); split the work over several documents',
      },
    ])
  })

  it('require scheduled_end after scheduled_start', () => {
    const body = { customer_id: 'cus_1', service: 's', scheduled_start: at, scheduled_end: at }
    expect(problems(BookingCreate, body)).toEqual([{ path: 'scheduled_end', message: 'must be after scheduled_start' }])
    expect(
      problems(AppointmentCreate, {
        booking_id: 'bkg_1',
        fieldworker_id: 'usr_1',
        scheduled_start: at,
        scheduled_end: '2026-11-27T08:00:00.000Z',
      }),
    ).toEqual([{ path: 'scheduled_end', message: 'must be after scheduled_start' }])
    expect(problems(BookingCreate, { ...body, scheduled_start: 'tomorrow' })[0]?.path).toBe('scheduled_start')
  })

  it('limit metadata', () => {
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']))
    expect(problems(Metadata, tooMany)).toEqual([{ path: '', message: 'must have at most 50 keys' }])
    expect(problems(Metadata, { ['k'.repeat(41)]: 'v' })[0]?.message).toBe(
      'metadata keys must be at most 40 characters',
    )
    expect(problems(Metadata, { k: 1 })[0]?.path).toBe('k')
  })

  it('keep call fields on calls and bodies on messages', () => {
    expect(
      problems(CommunicationCreate, {
        channel: 'sms',
        direction: 'inbound',
        from: '+1 555 0100',
        to: '+1 555 0199',
        call_status: 'missed',
      }),
    ).toEqual([{ path: 'call_status', message: 'is for calls only; remove it for a sms' }])
    expect(
      problems(CommunicationCreate, { channel: 'call', direction: 'outbound', from: 'a', to: 'b', body: 'hi' }),
    ).toEqual([{ path: 'body', message: 'is for sms and whatsapp only; remove it for a call' }])
    expect(
      problems(CommunicationCreate, {
        channel: 'call',
        direction: 'inbound',
        call_status: 'missed',
        from: 'a',
        to: 'b',
      }),
    ).toEqual([])
  })

  it('check webhook endpoints: URL scheme and event types', () => {
    expect(problems(WebhookEndpointCreate, { name: 'n', url: 'ftp://x.example/h', event_types: ['*'] })[0]).toEqual({
      path: 'url',
      message: 'must be an http(s) URL such as https://your-domain.com/webhook',
    })
    expect(
      problems(WebhookEndpointCreate, {
        name: 'n',
        url: 'https://x.example/h',
        event_types: ['booking.created', 'payment.exploded'],
      }),
    ).toEqual([
      {
        path: 'event_types.1',
        message:
          "'payment.exploded' is not an event type; see GET /v1/webhook-event-types for the 32 types, or use '*'",
      },
    ])
    expect(problems(WebhookEndpointCreate, { name: 'n', url: 'https://x.example/h', event_types: [] })[0]?.path).toBe(
      'event_types',
    )
    expect(problems(WebhookTestEvent, { event_type: '*' })[0]?.path).toBe('event_type')
  })

  it('type integration credentials per integration', () => {
    expect(problems(integrationCatalog.mailchimp.credentials, { api_key: 'k' })).toEqual([
      { path: 'audience_id', message: 'is required' },
    ])
    expect(problems(integrationCatalog.authorize_net.credentials, { api_login_id: 'a', transaction_key: 'b' })).toEqual(
      [],
    )
    expect(problems(IntegrationConnect, { credentials: {}, extra: 1 })[0]?.path).toBe('extra')
  })
})

describe('update bodies', () => {
  it('are partial, and null clears an optional field', () => {
    expect(CustomerUpdate.parse({})).toEqual({})
    expect(CustomerUpdate.parse({ phone: null })).toEqual({ phone: null })
    expect(problems(CustomerUpdate, { name: null })[0]?.path).toBe('name')
  })

  it('restrict what may change', () => {
    expect(problems(AppointmentUpdate, { booking_id: 'bkg_2' })).toEqual([
      { path: 'booking_id', message: 'unknown parameter: booking_id' },
    ])
    expect(problems(AppointmentUpdate, { status: 'completed' })[0]?.message).toBe('unknown parameter: status')
    expect(problems(InvoiceUpdate, { status: 'paid' })[0]).toEqual({
      path: 'status',
      message: 'must be one of: open, void',
    })
    expect(problems(BookingUpdate, { scheduled_start: at, scheduled_end: at })[0]?.path).toBe('scheduled_end')
  })
})

describe('list queries', () => {
  it('coerce strings from the URL', () => {
    expect(UserListQuery.parse({ limit: '50', active: 'false', role: 'fieldworker' })).toEqual({
      limit: 50,
      active: false,
      role: 'fieldworker',
    })
    expect(CustomerListQuery.parse({ tag: 'vip', created_after: at })).toEqual({ tag: 'vip', created_after: at })
  })

  it('reject bad values and unknown filters', () => {
    expect(problems(CustomerListQuery, { limit: '0' })).toEqual([
      { path: 'limit', message: 'must be an integer from 1 to 100' },
    ])
    expect(problems(CustomerListQuery, { limit: '101' })[0]?.path).toBe('limit')
    expect(problems(CustomerListQuery, { limit: 'ten' })[0]?.path).toBe('limit')
    expect(problems(UserListQuery, { active: 'maybe' })[0]).toEqual({
      path: 'active',
      message: "must be 'true' or 'false'",
    })
    expect(problems(CustomerListQuery, { starting_after: '../etc' })[0]?.path).toBe('starting_after')
    expect(problems(CustomerListQuery, { ending_before: 'cus_1/../x' })[0]?.path).toBe('ending_before')
    // integration ids are cursors too
    expect(problems(CustomerListQuery, { starting_after: 'google_maps' })).toEqual([])
    expect(problems(CustomerListQuery, { colour: 'red' })).toEqual([
      { path: 'colour', message: 'unknown parameter: colour' },
    ])
  })
})

describe('summarizeIssues', () => {
  it('joins details in one sentence', () => {
    const result = validate(CustomerCreate, { emial: 'x' })
    expect(result.success ? '' : summarizeIssues(result.details)).toBe(
      'name is required; emial unknown parameter: emial',
    )
    // Without the input reported, a missing field cannot be told from a wrong type.
    expect(describeIssues(CustomerCreate.safeParse({}).error!.issues)).toEqual([
      { path: 'name', message: 'must be a string' },
    ])
  })
})
