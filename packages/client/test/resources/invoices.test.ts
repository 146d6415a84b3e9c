import { describe, expect, it } from 'vitest'
import { itDoesCrud } from '../helpers/crud.js'
import { aCustomer } from '../helpers/fixtures.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('invoices (%s)', (door) => {
  const ctx = useServer(door)
  itDoesCrud(ctx, {
    resource: (op) => op.invoices,
    object: 'invoice',
    prefix: 'inv',
    body: async (op) => ({
      customer_id: (await aCustomer(op)).id,
      line_items: [{ description: 'Visit', quantity: 1, unit_amount: 9_900 }],
      status: 'draft' as const,
    }),
    patch: { status: 'open' as const, notes: 'Thank you' },
    filters: [{ status: 'open' }, { status: 'void' }],
  })

  it('numbers invoices and computes what is due', async () => {
    const customer = await aCustomer(ctx.op)
    const invoice = await ctx.op.invoices.create({
      customer_id: customer.id,
      line_items: [{ description: 'Visit', quantity: 3, unit_amount: 1_000, tax_rate: 10 }],
    })
    expect(invoice).toMatchObject({
      status: 'open',
      subtotal: 3_000,
      tax: 300,
      total: 3_300,
      amount_paid: 0,
      amount_due: 3_300,
    })
    expect(invoice.number).toMatch(/^INV-\d{6}$/)
  })
})
