import { describe } from 'vitest'
import { itDoesCrud } from '../helpers/crud.js'
import { aCustomer } from '../helpers/fixtures.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('complaints (%s)', (door) => {
  const ctx = useServer(door)
  itDoesCrud(ctx, {
    resource: (op) => op.complaints,
    object: 'complaint',
    prefix: 'cmp',
    body: async (op) => ({
      customer_id: (await aCustomer(op)).id,
      subject: 'Late arrival',
      description: 'Two hours late',
      severity: 'high' as const,
    }),
    patch: { status: 'resolved' as const },
    filters: [{ status: 'resolved', severity: 'high' }, { severity: 'low' }],
  })
})
