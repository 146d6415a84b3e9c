import { describe, expect, it } from 'vitest'
import { itDoesCrud } from '../helpers/crud.js'
import { aCustomer } from '../helpers/fixtures.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('quotes (%s)', (door) => {
  const ctx = useServer(door)
  itDoesCrud(ctx, {
    resource: (op) => op.quotes,
    object: 'quote',
    prefix: 'quo',
    body: async (op) => ({
      customer_id: (await aCustomer(op)).id,
      line_items: [{ description: 'Deep clean', quantity: 2, unit_amount: 4_500, tax_rate: 10 }],
    }),
    patch: { status: 'sent' as const },
    filters: [{ status: 'sent' }, { status: 'declined' }],
  })

  it('answers the totals the server computed', async () => {
    const customer = await aCustomer(ctx.op)
    const quote = await ctx.op.quotes.create({
      customer_id: customer.id,
      line_items: [
        { description: 'Gutter cleaning', quantity: 1, unit_amount: 18_000, tax_rate: 10 },
        { description: 'Downpipe flush', quantity: 2, unit_amount: 2_500, tax_rate: 10 },
      ],
    })
    expect([quote.subtotal, quote.tax, quote.total]).toEqual([23_000, 2_300, 25_300])
  })
})
