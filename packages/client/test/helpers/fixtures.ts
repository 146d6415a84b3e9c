import type { OctopusPro } from '../../src/index.js'

let counter = 0
const next = () => ++counter

/** An ISO timestamp on a day of December 2026. */
export const at = (day: number, hour: number) => new Date(Date.UTC(2026, 11, day, hour)).toISOString()

export const aCustomer = (op: OctopusPro) =>
  op.customers.create({ name: `Customer ${next()}`, email: `customer${counter}@example.com` })

export const aFieldworker = (op: OctopusPro) =>
  op.users.create({ name: `Fieldworker ${next()}`, email: `fieldworker${counter}@example.com`, role: 'fieldworker' })

export async function aBooking(op: OctopusPro) {
  const customer = await aCustomer(op)
  return op.bookings.create({
    customer_id: customer.id,
    service: 'Deep clean',
    scheduled_start: at(1, 9),
    scheduled_end: at(1, 11),
  })
}

export async function anAppointment(op: OctopusPro) {
  const [booking, fieldworker] = await Promise.all([aBooking(op), aFieldworker(op)])
  return op.appointments.create({
    booking_id: booking.id,
    fieldworker_id: fieldworker.id,
    scheduled_start: at(1, 9),
    scheduled_end: at(1, 11),
  })
}

export async function anOpenInvoice(op: OctopusPro, unitAmount = 10_000) {
  const customer = await aCustomer(op)
  return op.invoices.create({
    customer_id: customer.id,
    line_items: [{ description: 'Visit', quantity: 1, unit_amount: unitAmount }],
  })
}

export async function aPendingPayment(op: OctopusPro, amount = 4_000) {
  const invoice = await anOpenInvoice(op)
  return op.payments.create({
    customer_id: invoice.customer_id,
    invoice_id: invoice.id,
    amount,
    method: 'card',
    gateway: 'authorize_net',
  })
}
