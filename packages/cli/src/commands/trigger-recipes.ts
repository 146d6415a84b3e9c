import type { OctopusPro } from '@octopuspro/client'
import type { CommunicationCreate, EventType } from '@octopuspro/contract'

/**
 * An object a recipe made or changed, with what was done.
 *
 * @example
 * ```ts
 * const step: TriggerStep = { step: 'approve payment', object: payment }
 * ```
 */
export interface TriggerStep {
  step: string
  object: { id: string; object: string }
}

/**
 * What a recipe gets: the client, and `record` to report each object it makes or changes (in order).
 *
 * @example
 * ```ts
 * const ctx: TriggerContext = { op, record: (_step, object) => object }
 * ```
 */
export interface TriggerContext {
  op: OctopusPro
  record<T extends TriggerStep['object']>(step: string, object: T): T
}

/**
 * Makes the API calls that really cause one event type; resolves with the object the event is about.
 *
 * @example
 * ```ts
 * const recipe: TriggerRecipe = async ({ op, record }) =>
 *   record('create customer', await op.customers.create({ name: 'Ada' }))
 * ```
 */
export type TriggerRecipe = (ctx: TriggerContext) => Promise<TriggerStep['object']>

// Unique per call, so recipes run side by side (and again and again) without clashing.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()
const lineItems = [{ description: 'Gutter cleaning', quantity: 1, unit_amount: 18_000 }]

const customer = ({ op, record }: TriggerContext) =>
  op.customers
    .create({ name: 'Ada Lovelace', email: `ada.${unique()}@example.com` })
    .then((c) => record('create customer', c))

const user = ({ op, record }: TriggerContext) =>
  op.users
    .create({ name: 'Sam Fieldworker', email: `sam.${unique()}@example.com`, role: 'fieldworker' })
    .then((u) => record('create user', u))

const inquiry = ({ op, record }: TriggerContext) =>
  op.inquiries
    .create({ name: 'Grace Hopper', service: 'Gutter cleaning', source: 'website' })
    .then((i) => record('create inquiry', i))

async function quote(ctx: TriggerContext) {
  const { id } = await customer(ctx)
  return ctx.record('create quote', await ctx.op.quotes.create({ customer_id: id, line_items: lineItems }))
}

async function booking(ctx: TriggerContext) {
  const { id } = await customer(ctx)
  const body = { customer_id: id, service: 'Gutter cleaning', scheduled_start: hoursFromNow(24) }
  return ctx.record('create booking', await ctx.op.bookings.create({ ...body, scheduled_end: hoursFromNow(26) }))
}

async function appointment(ctx: TriggerContext) {
  const fieldworker = await user(ctx)
  const { id, scheduled_start, scheduled_end } = await booking(ctx)
  const body = { booking_id: id, fieldworker_id: fieldworker.id, scheduled_start, scheduled_end }
  return ctx.record('create appointment', await ctx.op.appointments.create(body))
}

async function invoice(ctx: TriggerContext) {
  const { id } = await customer(ctx)
  return ctx.record('create invoice', await ctx.op.invoices.create({ customer_id: id, line_items: lineItems }))
}

async function payment(ctx: TriggerContext) {
  const { id, customer_id, amount_due } = await invoice(ctx)
  const body = { customer_id, invoice_id: id, amount: amount_due, method: 'card' as const }
  return ctx.record('create payment', await ctx.op.payments.create(body))
}

async function approvedPayment(ctx: TriggerContext) {
  const { id } = await payment(ctx)
  return ctx.record('approve payment', await ctx.op.payments.approve(id))
}

async function complaint(ctx: TriggerContext) {
  const { id } = await customer(ctx)
  const body = { customer_id: id, subject: 'Late arrival', description: 'The crew arrived two hours late.' }
  return ctx.record('create complaint', await ctx.op.complaints.create(body))
}

const phones = { customer: '+1 555 0142', office: '+1 555 0100' }

function communication(ctx: TriggerContext, body: Omit<CommunicationCreate, 'from' | 'to'>) {
  const inbound = body.direction === 'inbound'
  const route = inbound ? { from: phones.customer, to: phones.office } : { from: phones.office, to: phones.customer }
  return ctx.op.communications.create({ ...route, ...body }).then((c) => ctx.record('create communication', c))
}

/** One object of a resource with a created/updated/deleted lifecycle: how to make one and how to change it. */
interface Lifecycle<T extends TriggerStep['object']> {
  name: string
  make: (ctx: TriggerContext) => Promise<T>
  change: (op: OctopusPro, id: string) => Promise<TriggerStep['object']>
  remove: (op: OctopusPro, id: string) => Promise<TriggerStep['object']>
}

function lifecycle<T extends TriggerStep['object']>(resource: Lifecycle<T>) {
  return {
    created: resource.make,
    updated: async (ctx: TriggerContext) =>
      ctx.record(`update ${resource.name}`, await resource.change(ctx.op, (await resource.make(ctx)).id)),
    deleted: async (ctx: TriggerContext) =>
      ctx.record(`delete ${resource.name}`, await resource.remove(ctx.op, (await resource.make(ctx)).id)),
  }
}

const customers = lifecycle({
  name: 'customer',
  make: customer,
  change: (op, id) => op.customers.update(id, { phone: phones.customer }),
  remove: (op, id) => op.customers.delete(id),
})
const users = lifecycle({
  name: 'user',
  make: user,
  change: (op, id) => op.users.update(id, { phone: phones.office }),
  remove: (op, id) => op.users.delete(id),
})
const inquiries = lifecycle({
  name: 'inquiry',
  make: inquiry,
  change: (op, id) => op.inquiries.update(id, { status: 'contacted' }),
  remove: (op, id) => op.inquiries.delete(id),
})
const quotes = lifecycle({
  name: 'quote',
  make: quote,
  change: (op, id) => op.quotes.update(id, { notes: 'Includes downpipes.' }),
  remove: (op, id) => op.quotes.delete(id),
})
const bookings = lifecycle({
  name: 'booking',
  make: booking,
  change: (op, id) => op.bookings.update(id, { notes: 'Gate code 1234.' }),
  remove: (op, id) => op.bookings.delete(id),
})
const invoices = lifecycle({
  name: 'invoice',
  make: invoice,
  change: (op, id) => op.invoices.update(id, { notes: 'Thank you for your business.' }),
  remove: (op, id) => op.invoices.delete(id),
})
const complaints = lifecycle({
  name: 'complaint',
  make: complaint,
  change: (op, id) => op.complaints.update(id, { status: 'in_progress' }),
  remove: (op, id) => op.complaints.delete(id),
})

/**
 * How `octopuspro trigger` causes each of the contract's event types through real API calls, e.g.
 * `payment.approved`: create a customer, an invoice and a payment, then approve the payment. A test runs every
 * recipe against the reference server and checks that it causes its event, and that the table covers the catalog.
 *
 * @example
 * ```ts
 * const payment = await triggerRecipes['payment.approved']({ op, record: (_step, object) => object })
 * ```
 */
export const triggerRecipes: Readonly<Record<EventType, TriggerRecipe>> = {
  'appointment.status_changed': async (ctx) => {
    const { id } = await appointment(ctx)
    return ctx.record('set appointment status', await ctx.op.appointments.setStatus(id, { status: 'confirmed' }))
  },
  'appointment.fieldworker_arrived': async (ctx) =>
    ctx.record('mark fieldworker arrived', await ctx.op.appointments.arrive((await appointment(ctx)).id)),
  'booking.created': bookings.created,
  'booking.deleted': bookings.deleted,
  'booking.updated': bookings.updated,
  'communication.call_made': (ctx) => communication(ctx, { channel: 'call', direction: 'outbound' }),
  'communication.call_missed': (ctx) =>
    communication(ctx, { channel: 'call', direction: 'inbound', call_status: 'missed' }),
  'communication.call_received': (ctx) =>
    communication(ctx, { channel: 'call', direction: 'inbound', call_status: 'answered', duration_seconds: 95 }),
  'communication.sms_received': (ctx) =>
    communication(ctx, { channel: 'sms', direction: 'inbound', body: 'Can you come on Friday?' }),
  'communication.whatsapp_received': (ctx) =>
    communication(ctx, { channel: 'whatsapp', direction: 'inbound', body: 'Photo of the leak attached.' }),
  'complaint.created': complaints.created,
  'complaint.deleted': complaints.deleted,
  'complaint.updated': complaints.updated,
  'customer.created': customers.created,
  'customer.deleted': customers.deleted,
  'customer.updated': customers.updated,
  'inquiry.created': inquiries.created,
  'inquiry.deleted': inquiries.deleted,
  'inquiry.updated': inquiries.updated,
  'invoice.created': invoices.created,
  'invoice.deleted': invoices.deleted,
  'invoice.updated': invoices.updated,
  'payment.approved': approvedPayment,
  'payment.created': payment,
  'payment.refunded': async (ctx) =>
    ctx.record('refund payment', await ctx.op.payments.refund((await approvedPayment(ctx)).id, {})),
  'payment.rejected': async (ctx) =>
    ctx.record(
      'reject payment',
      await ctx.op.payments.reject((await payment(ctx)).id, { reason: 'Card declined by the issuer' }),
    ),
  'quote.created': quotes.created,
  'quote.deleted': quotes.deleted,
  'quote.updated': quotes.updated,
  'user.created': users.created,
  'user.deleted': users.deleted,
  'user.updated': users.updated,
}
