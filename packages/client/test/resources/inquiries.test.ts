import { describe, expect, it } from 'vitest'
import { itDoesCrud } from '../helpers/crud.js'
import { aCustomer } from '../helpers/fixtures.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('inquiries (%s)', (door) => {
  const ctx = useServer(door)
  itDoesCrud(ctx, {
    resource: (op) => op.inquiries,
    object: 'inquiry',
    prefix: 'inq',
    body: () => ({
      name: 'Grace Hopper',
      service: 'Gutter cleaning',
      source: 'website' as const,
      budget: { amount: 25_000, currency: 'usd' },
    }),
    patch: { status: 'contacted' as const },
    filters: [{ status: 'contacted', source: 'website' }, { status: 'lost' }],
  })

  it('links an inquiry to a customer', async () => {
    const customer = await aCustomer(ctx.op)
    const inquiry = await ctx.op.inquiries.create({ name: 'Grace', service: 'Windows', customer_id: customer.id })
    expect((await ctx.op.inquiries.list({ customer_id: customer.id })).data.map((i) => i.id)).toEqual([inquiry.id])
  })
})
