import type { Customer, Quote } from '@octopuspro/contract'
import type { Call } from '../call.js'
import { appointments, changeStatus } from '../handlers/appointments.js'
import { bookings } from '../handlers/bookings.js'
import { communications } from '../handlers/communications.js'
import { complaints } from '../handlers/complaints.js'
import { customers } from '../handlers/customers.js'
import { inquiries } from '../handlers/inquiries.js'
import { invoices } from '../handlers/invoices.js'
import { paymentHandlers, payments } from '../handlers/payments.js'
import { quotes } from '../handlers/quotes.js'
import { users } from '../handlers/users.js'
import {
  cities,
  companies,
  complaintSubjects,
  firstNames,
  lastNames,
  messages,
  services,
  staff,
  streets,
  tags,
} from './demo-data.js'
import { SeededRandom } from './random.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const CUSTOMERS = 200
const HISTORY_DAYS = 90
const OFFICE_PHONE = '+1 555 0100'

/** Actions at points in time, run in time order so every object is created (and changed) in the past, in order. */
class Timeline {
  readonly #actions: { at: number; seq: number; run: (call: Call) => void }[] = []

  at(at: number, run: (call: Call) => void): void {
    this.#actions.push({ at, seq: this.#actions.length, run })
  }

  run(callAt: (ms: number) => Call, until: number): void {
    const due = this.#actions.filter((a) => a.at <= until).sort((a, b) => a.at - b.at || a.seq - b.seq)
    for (const action of due) action.run(callAt(action.at))
  }
}

/** A working-hours start time `days` days after `from` (8:00–15:00 UTC, on the hour). */
function slot(random: SeededRandom, from: number, days: number): number {
  const day = Math.floor(from / DAY) * DAY + days * DAY
  return day + random.int(8, 15) * HOUR
}

function phone(random: SeededRandom): string {
  return `+1 555 ${String(random.int(1000, 9999))}`
}

/**
 * The demo data set: 200 customers, 20 staff users, inquiries, quotes, bookings with appointments, invoices,
 * payments, complaints and communications spread over the 90 days before `nowMs` (and bookings up to three weeks
 * ahead). Built through the same stores and rules as the API (totals, numbering, payments paying invoices,
 * appointment transitions), with a call that records no events. The same clock and ids give the same data.
 */
export function seedDemo(callAt: (ms: number) => Call, nowMs: number): void {
  const random = new SeededRandom(20_261_127)
  const timeline = new Timeline()
  const start = nowMs - HISTORY_DAYS * DAY
  const staffIds: string[] = []
  const fieldworkerIds: string[] = []

  staff.forEach((member, index) => {
    timeline.at(start + index * MINUTE, (call) => {
      const [first, last] = member.name.toLowerCase().split(' ')
      const user = users.create(call, {
        name: member.name,
        email: `${first}.${last}@octopuspro.example`,
        phone: phone(random),
        role: member.role,
        active: !(member.role === 'fieldworker' && member.name === 'Ivan Novak'),
      })
      staffIds.push(user.id)
      if (user.role === 'fieldworker' && user.active) fieldworkerIds.push(user.id)
    })
  })

  for (let index = 0; index < CUSTOMERS; index++) {
    const createdAt = start + DAY + Math.floor(((HISTORY_DAYS - 2) * DAY * index) / CUSTOMERS) + random.int(0, 8) * HOUR
    planCustomer(timeline, random, index, createdAt, fieldworkerIds, staffIds)
  }
  for (let index = 0; index < 20; index++) {
    const at = start + random.int(1, HISTORY_DAYS - 1) * DAY + random.int(8, 18) * HOUR
    const first = random.pick(firstNames)
    timeline.at(at, (call) => {
      inquiries.create(call, {
        name: `${first} ${random.pick(lastNames)}`,
        email: `${first.toLowerCase()}.lead${index}@example.net`,
        service: random.pick(services).name,
        message: 'Looking for a price for next month.',
        source: random.pick(['website', 'facebook', 'phone', 'email', 'other'] as const),
        status: random.pick(['new', 'contacted', 'qualified', 'lost'] as const),
        assigned_user_id: random.pick(staffIds),
      })
    })
  }
  timeline.run(callAt, nowMs)
}

function planCustomer(
  timeline: Timeline,
  random: SeededRandom,
  index: number,
  createdAt: number,
  fieldworkers: string[],
  staffIds: string[],
): void {
  const first = random.pick(firstNames)
  const last = random.pick(lastNames)
  const town = random.pick(cities)
  const isCompany = random.chance(0.25)
  const source = random.pick(['website', 'facebook', 'phone', 'email', 'referral'] as const)
  const fromInquiry = random.chance(0.3)
  const service = random.pick(services)
  const ref: { customer?: Customer } = {}

  timeline.at(createdAt, (call) => {
    ref.customer = customers.create(call, {
      name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}${index}@example.com`,
      phone: phone(random),
      company: isCompany ? random.pick(companies) : undefined,
      address: {
        line1: `${random.int(1, 999)} ${random.pick(streets)}`,
        city: town.city,
        region: town.region,
        postal_code: town.postal_code,
        country: 'US',
      },
      tags: random.sample(tags, random.int(0, 2)),
      notes: random.chance(0.1) ? 'Prefers morning visits.' : undefined,
    })
    if (fromInquiry) {
      inquiries.create(call, {
        customer_id: ref.customer.id,
        name: ref.customer.name,
        email: ref.customer.email ?? undefined,
        service: service.name,
        message: `Please quote for ${service.name.toLowerCase()}.`,
        source,
        status: 'converted',
        assigned_user_id: random.pick(staffIds),
        budget: { amount: service.price, currency: 'usd' },
      })
    }
  })
  for (let contact = random.int(0, 2); contact > 0; contact--) {
    planCommunication(timeline, random, createdAt + random.int(1, 60) * DAY, ref, staffIds)
  }
  if (random.chance(0.65)) planJob(timeline, random, createdAt + HOUR, service, ref, fieldworkers)
  if (random.chance(0.1))
    planJob(timeline, random, createdAt + random.int(20, 50) * DAY, random.pick(services), ref, fieldworkers)
}

function planCommunication(
  timeline: Timeline,
  random: SeededRandom,
  at: number,
  ref: { customer?: Customer },
  staffIds: string[],
): void {
  const channel = random.pick(['call', 'call', 'sms', 'whatsapp'] as const)
  const direction = random.pick(['inbound', 'outbound'] as const)
  const missed = channel === 'call' && direction === 'inbound' && random.chance(0.25)
  timeline.at(at, (call) => {
    const customer = ref.customer as Customer
    const customerPhone = customer.phone ?? OFFICE_PHONE
    communications.create(call, {
      channel,
      direction,
      customer_id: customer.id,
      user_id: random.pick(staffIds),
      from: direction === 'inbound' ? customerPhone : OFFICE_PHONE,
      to: direction === 'inbound' ? OFFICE_PHONE : customerPhone,
      ...(channel === 'call'
        ? { call_status: missed ? 'missed' : 'answered', duration_seconds: missed ? 0 : random.int(30, 900) }
        : { body: random.pick(messages) }),
    })
  })
}

function planJob(
  timeline: Timeline,
  random: SeededRandom,
  quotedAt: number,
  service: (typeof services)[number],
  ref: { customer?: Customer },
  fieldworkers: string[],
): void {
  const lineItems: Quote['line_items'] = [
    { description: service.name, quantity: 1, unit_amount: service.price + random.int(-4, 8) * 500, tax_rate: 10 },
  ]
  if (random.chance(0.4))
    lineItems.push({ description: 'Materials', quantity: random.int(1, 4), unit_amount: 1_500, tax_rate: 10 })
  const outcome = random.next()
  const acceptedAt = quotedAt + random.int(1, 3) * DAY
  const startAt = slot(random, acceptedAt, random.int(2, 14))
  const endAt = startAt + random.int(2, 4) * HOUR
  const visits = random.chance(0.25) ? 2 : 1
  const cancelled = random.chance(0.06)
  const noShow = !cancelled && random.chance(0.04)
  const paymentPlan = random.next()
  const complaint = random.chance(0.18) ? random.pick(complaintSubjects) : undefined
  const job: {
    quote?: string
    booking?: string
    appointments: string[]
    invoice?: string
    total?: number
    payment?: string
  } = { appointments: [] }

  timeline.at(quotedAt, (call) => {
    const quote = quotes.create(call, {
      customer_id: (ref.customer as Customer).id,
      status: 'sent',
      line_items: lineItems,
      currency: 'usd',
      valid_until: new Date(quotedAt + 30 * DAY).toISOString().slice(0, 10),
    })
    job.quote = quote.id
  })
  if (outcome < 0.15) {
    timeline.at(acceptedAt, (call) => quotes.update(call, job.quote as string, { status: 'declined' }))
    return
  }
  timeline.at(acceptedAt, (call) => {
    const customer = ref.customer as Customer
    const crew = random.sample(fieldworkers, visits)
    quotes.update(call, job.quote as string, { status: 'accepted' })
    const booking = bookings.create(call, {
      customer_id: customer.id,
      quote_id: job.quote,
      service: service.name,
      status: 'confirmed',
      address: customer.address ?? undefined,
      scheduled_start: new Date(startAt).toISOString(),
      scheduled_end: new Date(endAt + (visits - 1) * DAY).toISOString(),
      assigned_user_ids: crew,
    })
    job.booking = booking.id
    crew.forEach((fieldworker, visit) => {
      const appointment = appointments.create(call, {
        booking_id: booking.id,
        fieldworker_id: fieldworker,
        scheduled_start: new Date(startAt + visit * DAY).toISOString(),
        scheduled_end: new Date(endAt + visit * DAY).toISOString(),
      })
      job.appointments.push(appointment.id)
    })
  })
  if (cancelled) {
    timeline.at(startAt - DAY, (call) => {
      for (const id of job.appointments) changeStatus(call, id, 'cancelled')
      bookings.update(call, job.booking as string, { status: 'cancelled' })
    })
    return
  }
  timeline.at(startAt - DAY, (call) => {
    for (const id of job.appointments) changeStatus(call, id, 'confirmed')
  })
  for (let visit = 0; visit < visits; visit++) {
    const visitStart = startAt + visit * DAY
    const visitEnd = endAt + visit * DAY
    if (noShow) {
      timeline.at(visitStart + HOUR, (call) => changeStatus(call, job.appointments[visit] as string, 'no_show'))
      continue
    }
    timeline.at(visitStart - 30 * MINUTE, (call) => changeStatus(call, job.appointments[visit] as string, 'en_route'))
    timeline.at(visitStart - random.int(0, 10) * MINUTE, (call) =>
      changeStatus(call, job.appointments[visit] as string, 'arrived'),
    )
    timeline.at(visitStart + 5 * MINUTE, (call) => changeStatus(call, job.appointments[visit] as string, 'in_progress'))
    timeline.at(visitEnd, (call) => changeStatus(call, job.appointments[visit] as string, 'completed'))
  }
  const finishedAt = endAt + (visits - 1) * DAY
  timeline.at(startAt, (call) =>
    bookings.update(call, job.booking as string, { status: noShow ? 'cancelled' : 'in_progress' }),
  )
  if (noShow) return
  timeline.at(finishedAt, (call) => {
    bookings.update(call, job.booking as string, { status: 'completed' })
    const invoice = invoices.create(call, {
      customer_id: (ref.customer as Customer).id,
      booking_id: job.booking,
      line_items: lineItems,
      currency: 'usd',
      status: 'open',
      due_date: new Date(finishedAt + 14 * DAY).toISOString().slice(0, 10),
    })
    job.invoice = invoice.id
    job.total = invoice.total
  })
  const paidAt = finishedAt + random.int(1, 10) * DAY
  timeline.at(paidAt, (call) => {
    const partial = paymentPlan > 0.9
    const payment = payments.create(call, {
      customer_id: (ref.customer as Customer).id,
      invoice_id: job.invoice,
      amount: partial ? Math.floor((job.total as number) / 2) : (job.total as number),
      currency: 'usd',
      method: random.pick(['card', 'card', 'bank_transfer', 'cash', 'check'] as const),
      gateway: random.pick(['authorize_net', 'wepay', 'eway', 'tap', 'manual'] as const),
    })
    job.payment = payment.id
  })
  timeline.at(paidAt + HOUR, (call) => {
    const id = job.payment as string
    if (paymentPlan < 0.08) paymentHandlers.reject({ id, query: undefined, body: { reason: 'Card declined' }, call })
    else if (paymentPlan < 0.2) return
    else paymentHandlers.approve({ id, query: undefined, body: {}, call })
    if (paymentPlan > 0.97) paymentHandlers.refund({ id, query: undefined, body: { amount: 2_000 }, call })
  })
  if (complaint) {
    timeline.at(finishedAt + random.int(1, 3) * DAY, (call) => {
      complaints.create(call, {
        customer_id: (ref.customer as Customer).id,
        booking_id: job.booking,
        subject: complaint.subject,
        description: complaint.description,
        severity: random.pick(['low', 'medium', 'medium', 'high', 'critical'] as const),
        status: random.pick(['open', 'in_progress', 'resolved', 'closed'] as const),
        assigned_user_id: undefined,
      })
    })
  }
}
