// #region first-calls
import { OctopusPro } from '@octopuspro/client'

const op = new OctopusPro({ apiKey: process.env.OCTOPUSPRO_API_KEY, baseUrl: process.env.OCTOPUSPRO_BASE_URL })

const customer = await op.customers.create({ name: 'Ada Lovelace', email: 'ada@example.com' })
const booking = await op.bookings.create({
  customer_id: customer.id,
  service: 'Gutter cleaning',
  scheduled_start: '2026-12-01T09:00:00.000Z',
  scheduled_end: '2026-12-01T11:00:00.000Z',
})
const vips = await op.customers.list({ tag: 'vip' }).toArray({ limit: 1_000 }) // every page, up to 1 000

// #endregion first-calls

export { booking, customer, op, vips }
