import type { RouteName } from '@octopuspro/contract'
import type { ReferenceServer } from '@octopuspro/reference-server'
import { call } from './api.js'

async function create(server: ReferenceServer, path: string, body: unknown): Promise<string> {
  const answer = await call(server, 'POST', path, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  })
  if (answer.status !== 201) throw new Error(`building the world: POST ${path} → ${answer.status} ${answer.text}`)
  return (answer.json as { id: string }).id
}

const LINE_ITEMS = [
  { description: 'Gutter cleaning', quantity: 1, unit_amount: 18_000, tax_rate: 10 },
  { description: 'Downpipe flush', quantity: 2.5, unit_amount: 2_500 },
]
const START = '2026-12-03T09:00:00.000Z'
const END = '2026-12-03T11:00:00.000Z'

/** The id of one object of each kind in the world. */
export interface WorldIds {
  webhook: string
  customer: string
  fieldworker: string
  dispatcher: string
  inquiry: string
  quote: string
  booking: string
  appointment: string
  invoice: string
  payment: string
  complaint: string
  communication: string
  apiKey: string
  delivery: string
  event: string
}

/** A world to fuzz in: its ids, a valid body per writing route, and the id each route acts on. */
export interface World {
  ids: WorldIds
  validBodies: Partial<Record<RouteName, Record<string, unknown>>>
  idOf(route: RouteName): string
}

/**
 * A small business in which every route has something to act on: one object of each kind (a webhook endpoint
 * subscribed to everything first, so that later writes leave deliveries to point at).
 *
 * @example
 * ```ts
 * const world = await buildWorld(server)
 * await call(server, 'PATCH', `/customers/${world.ids.customer}`, {
 *   body: JSON.stringify(world.validBodies['customers.update']),
 * })
 * ```
 */
export async function buildWorld(server: ReferenceServer): Promise<World> {
  const webhook = await create(server, '/webhooks', {
    name: 'Everything',
    url: 'http://127.0.0.1:9/hook',
    event_types: ['*'],
  })
  const customer = await create(server, '/customers', {
    name: 'Grace Hopper',
    email: 'grace@example.com',
    tags: ['vip'],
  })
  const fieldworker = await create(server, '/users', {
    name: 'Sam Rivera',
    email: 'sam@example.com',
    role: 'fieldworker',
  })
  const dispatcher = await create(server, '/users', {
    name: 'Chris Walker',
    email: 'chris@example.com',
    role: 'dispatcher',
  })
  const inquiry = await create(server, '/inquiries', {
    name: 'Grace Hopper',
    service: 'Gutter cleaning',
    customer_id: customer,
  })
  const quote = await create(server, '/quotes', { customer_id: customer, inquiry_id: inquiry, line_items: LINE_ITEMS })
  const booking = await create(server, '/bookings', {
    customer_id: customer,
    quote_id: quote,
    service: 'Gutter cleaning',
    scheduled_start: START,
    scheduled_end: END,
    assigned_user_ids: [fieldworker],
  })
  const appointment = await create(server, '/appointments', {
    booking_id: booking,
    fieldworker_id: fieldworker,
    scheduled_start: START,
    scheduled_end: END,
  })
  const invoice = await create(server, '/invoices', {
    customer_id: customer,
    booking_id: booking,
    line_items: LINE_ITEMS,
  })
  const payment = await create(server, '/payments', {
    customer_id: customer,
    invoice_id: invoice,
    amount: 1_000,
    method: 'card',
  })
  const complaint = await create(server, '/complaints', {
    customer_id: customer,
    booking_id: booking,
    subject: 'Late',
    description: 'Two hours late.',
    severity: 'low',
  })
  const communication = await create(server, '/communications', {
    channel: 'sms',
    direction: 'inbound',
    from: '+1 555 0100',
    to: '+1 555 0199',
    body: 'Hello',
    customer_id: customer,
  })
  const apiKey = await create(server, '/api-keys', { name: 'Integration key' })
  await server.deliveries.idle()
  const [delivery] = server.deliveries.list({ endpointId: webhook })
  const [event] = server.events.list()
  if (!delivery || !event) throw new Error('building the world: no delivery or event to point at')
  const ids: WorldIds = {
    webhook,
    customer,
    fieldworker,
    dispatcher,
    inquiry,
    quote,
    booking,
    appointment,
    invoice,
    payment,
    complaint,
    communication,
    apiKey,
    delivery: delivery.id,
    event: event.id,
  }
  return { ids, validBodies: validBodies(ids), idOf: idOf(ids) }
}

/** The id each route with `{id}` acts on in the world. */
function idOf(ids: WorldIds): (route: RouteName) => string {
  const byGroup: Record<string, string> = {
    customers: ids.customer,
    users: ids.dispatcher,
    inquiries: ids.inquiry,
    quotes: ids.quote,
    bookings: ids.booking,
    appointments: ids.appointment,
    invoices: ids.invoice,
    payments: ids.payment,
    complaints: ids.complaint,
    communications: ids.communication,
    apiKeys: ids.apiKey,
    integrations: 'mailchimp',
    webhooks: ids.webhook,
    webhookDeliveries: ids.delivery,
    events: ids.event,
  }
  return (route) => byGroup[route.split('.')[0]!] ?? 'none'
}

/**
 * A body each writing route accepts in the world (a test checks each against the contract): what mutations start from.
 */
function validBodies(ids: WorldIds): Partial<Record<RouteName, Record<string, unknown>>> {
  return {
    'customers.create': {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+1 555 0100',
      company: 'Analytical Engines',
      tags: ['vip', 'north'],
      address: { line1: '12 Babbage Row', city: 'Springfield', region: 'IL', postal_code: '62701', country: 'US' },
      notes: 'Gate code 1234',
      metadata: { crm_id: '42' },
    },
    'customers.update': { phone: '+1 555 0199', tags: ['gold'], metadata: { crm_id: '43' } },
    'users.create': { name: 'Jo Park', email: 'jo@example.com', role: 'sales', active: true, phone: '+1 555 0111' },
    'users.update': { name: 'Chris W.', role: 'manager' },
    'inquiries.create': {
      name: 'Alan Turing',
      service: 'Window cleaning',
      source: 'website',
      customer_id: ids.customer,
      email: 'alan@example.com',
      budget: { amount: 25_000, currency: 'usd' },
      preferred_date: '2026-12-05',
      assigned_user_id: ids.dispatcher,
    },
    'inquiries.update': { status: 'contacted', message: 'Called back' },
    'quotes.create': {
      customer_id: ids.customer,
      inquiry_id: ids.inquiry,
      line_items: LINE_ITEMS,
      currency: 'usd',
      valid_until: '2026-12-31',
      notes: 'Net 30',
    },
    'quotes.update': { status: 'sent', notes: 'Sent by e-mail' },
    'bookings.create': {
      customer_id: ids.customer,
      service: 'Gutter cleaning',
      scheduled_start: '2026-12-04T09:00:00.000Z',
      scheduled_end: '2026-12-04T10:00:00.000Z',
      assigned_user_ids: [ids.fieldworker],
      address: { line1: '1 Main St', city: 'Springfield', country: 'US' },
    },
    'bookings.update': { status: 'confirmed', notes: 'Ring twice' },
    'appointments.create': {
      booking_id: ids.booking,
      fieldworker_id: ids.fieldworker,
      scheduled_start: '2026-12-03T12:00:00.000Z',
      scheduled_end: '2026-12-03T13:00:00.000Z',
    },
    'appointments.update': { scheduled_start: '2026-12-03T13:00:00.000Z', scheduled_end: '2026-12-03T14:00:00.000Z' },
    'appointments.setStatus': { status: 'confirmed' },
    'appointments.arrive': {},
    'invoices.create': {
      customer_id: ids.customer,
      booking_id: ids.booking,
      line_items: LINE_ITEMS,
      due_date: '2026-12-17',
      status: 'draft',
    },
    'invoices.update': { due_date: '2026-12-24', notes: 'Thanks' },
    'payments.create': {
      customer_id: ids.customer,
      invoice_id: ids.invoice,
      amount: 500,
      method: 'cash',
      gateway: 'manual',
    },
    'payments.approve': {},
    'payments.reject': { reason: 'Card declined' },
    'payments.refund': { amount: 100 },
    'complaints.create': {
      customer_id: ids.customer,
      subject: 'Muddy boots',
      description: 'Left marks on the carpet.',
      severity: 'medium',
    },
    'complaints.update': { status: 'in_progress', assigned_user_id: ids.dispatcher },
    'communications.create': {
      channel: 'call',
      direction: 'inbound',
      call_status: 'missed',
      from: '+1 555 0100',
      to: '+1 555 0199',
      customer_id: ids.customer,
      duration_seconds: 0,
      occurred_at: '2026-11-27T09:00:00.000Z',
    },
    'apiKeys.create': { name: 'Zapier', mode: 'read_only', expires_at: '2030-01-01T00:00:00.000Z' },
    'apiKeys.update': { name: 'Zapier (old)' },
    'apiKeys.roll': { expires_in_seconds: 60 },
    'apiKeys.revoke': {},
    'integrations.connect': {
      credentials: { api_key: 'abc-us1', audience_id: 'a1b2' },
      settings: { double_opt_in: true },
    },
    'webhooks.create': {
      name: 'CRM',
      url: 'http://127.0.0.1:9/crm',
      event_types: ['customer.created', 'booking.updated'],
      description: 'Sync',
    },
    'webhooks.update': { name: 'Everything (paused)', active: false },
    'webhooks.rotateSecret': { expires_in_seconds: 60 },
    'webhooks.sendTest': { event_type: 'payment.approved' },
    'webhookDeliveries.redeliver': {},
  }
}
