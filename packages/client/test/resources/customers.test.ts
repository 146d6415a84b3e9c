import { describe } from 'vitest'
import { itDoesCrud } from '../helpers/crud.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('customers (%s)', (door) => {
  const ctx = useServer(door)
  itDoesCrud(ctx, {
    resource: (op) => op.customers,
    object: 'customer',
    prefix: 'cus',
    body: () => ({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      tags: ['vip'],
      address: { line1: '12 Babbage Row', city: 'Springfield', country: 'US' },
    }),
    patch: { phone: '+1 555 0100', tags: ['vip', 'gold'] },
    filters: [{ tag: 'gold' }, { tag: 'bronze' }],
  })
})
