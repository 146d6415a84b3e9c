import type { OctopusPro } from '@octopuspro/client'

const day = (offsetDays: number, hour: number) => {
  const d = new Date(Date.UTC(2026, 11, 3 + offsetDays, hour))
  return d.toISOString()
}

/**
 * The story of one job, told through the client: an inquiry arrives, becomes a customer and a quote, the quote
 * is accepted, a booking and an appointment are made, the fieldworker arrives, an invoice is issued, a payment
 * is approved (the invoice becomes paid), and a call is missed.
 */
export async function runScenario(op: OctopusPro, print: (line: string) => void) {
  const step = (text: string) => print(`→ ${text}`)

  step('an inquiry arrives from the website')
  const inquiry = await op.inquiries.create({
    name: 'Grace Hopper',
    email: 'grace@example.com',
    phone: '+1 555 0142',
    service: 'Gutter cleaning',
    source: 'website',
    message: 'Two-storey house, front and back gutters.',
  })

  step('it becomes a customer and a quote')
  const customer = await op.customers.create({
    name: 'Grace Hopper',
    email: 'grace@example.com',
    phone: '+1 555 0142',
    tags: ['website-lead'],
    address: { line1: '7 Harbor Lane', city: 'Arlington', region: 'VA', postal_code: '22201', country: 'US' },
  })
  await op.inquiries.update(inquiry.id, { customer_id: customer.id, status: 'converted' })
  const quote = await op.quotes.create({
    customer_id: customer.id,
    inquiry_id: inquiry.id,
    status: 'sent',
    line_items: [
      { description: 'Gutter cleaning, two storeys', quantity: 1, unit_amount: 18_000, tax_rate: 10 },
      { description: 'Downpipe flush', quantity: 2, unit_amount: 2_500, tax_rate: 10 },
    ],
  })

  step('the customer accepts the quote')
  await op.quotes.update(quote.id, { status: 'accepted' })

  step('a booking and an appointment are made')
  const fieldworker = (await op.users.list({ role: 'fieldworker', active: true, limit: 1 })).data[0]
  if (!fieldworker) throw new Error('the demo seed has no active fieldworker')
  const booking = await op.bookings.create({
    customer_id: customer.id,
    quote_id: quote.id,
    service: 'Gutter cleaning',
    status: 'confirmed',
    scheduled_start: day(0, 9),
    scheduled_end: day(0, 11),
    assigned_user_ids: [fieldworker.id],
  })
  const appointment = await op.appointments.create({
    booking_id: booking.id,
    fieldworker_id: fieldworker.id,
    scheduled_start: day(0, 9),
    scheduled_end: day(0, 11),
  })

  step(`the fieldworker (${fieldworker.name}) arrives`)
  await op.appointments.arrive(appointment.id)

  step('an invoice is issued and paid by card')
  const invoice = await op.invoices.create({
    customer_id: customer.id,
    booking_id: booking.id,
    line_items: quote.line_items,
  })
  const payment = await op.payments.create({
    customer_id: customer.id,
    invoice_id: invoice.id,
    amount: invoice.amount_due,
    method: 'card',
    gateway: 'authorize_net',
  })
  await op.payments.approve(payment.id)
  const paid = await op.invoices.get(invoice.id)
  if (paid.status !== 'paid') throw new Error(`expected ${paid.number} to be paid, it is ${paid.status}`)

  step('a call from the customer is missed')
  await op.communications.create({
    channel: 'call',
    direction: 'inbound',
    call_status: 'missed',
    from: '+1 555 0142',
    to: '+1 555 0100',
    customer_id: customer.id,
  })
  return { customer }
}
