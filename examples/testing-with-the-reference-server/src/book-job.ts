import type { OctopusPro } from '@octopuspro/client'

/** What the website's booking form sends. */
export interface BookingRequest {
  name: string
  email: string
  service: string
  start: string
  end: string
}

/**
 * YOUR CODE UNDER TEST: books a job from the website's form — finds the customer by email or creates one, then
 * creates a pending booking.
 */
export async function bookJob(op: OctopusPro, request: BookingRequest) {
  const [existing] = (await op.customers.list({ email: request.email, limit: 1 })).data
  const customer =
    existing ?? (await op.customers.create({ name: request.name, email: request.email, tags: ['website'] }))
  const booking = await op.bookings.create({
    customer_id: customer.id,
    service: request.service,
    status: 'pending',
    scheduled_start: request.start,
    scheduled_end: request.end,
  })
  return { customer, booking }
}
