import { describe } from 'vitest'
import { itDoesCrud } from '../helpers/crud.js'
import { aCustomer, at } from '../helpers/fixtures.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('bookings (%s)', (door) => {
  const ctx = useServer(door)
  itDoesCrud(ctx, {
    resource: (op) => op.bookings,
    object: 'booking',
    prefix: 'bkg',
    body: async (op) => ({
      customer_id: (await aCustomer(op)).id,
      service: 'Deep clean',
      scheduled_start: at(3, 9),
      scheduled_end: at(3, 11),
    }),
    patch: { status: 'confirmed' as const, notes: 'Gate code 1234' },
    filters: [
      { status: 'confirmed', scheduled_after: at(3, 0), scheduled_before: at(4, 0) },
      { scheduled_after: at(4, 0) },
    ],
  })
})
