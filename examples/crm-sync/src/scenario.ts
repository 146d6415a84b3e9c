import type { OctopusPro } from '@octopuspro/client'

/**
 * A morning at the office, told through the client: three new customers (one without an email address), two
 * invoices, and four approved payments — one pays an invoice in full, two pay the other in parts, one (cash, at
 * the door) belongs to no invoice.
 */
export async function runScenario(op: OctopusPro) {
  const ada = await op.customers.create({
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    company: 'Analytical Engines Ltd',
    tags: ['referral'],
  })
  const grace = await op.customers.create({ name: 'Grace Hopper', email: 'grace@example.com', phone: '+1 555 0142' })
  const linus = await op.customers.create({ name: 'Linus Pauling', phone: '+1 555 0199' })

  const gutters = await op.invoices.create({
    customer_id: ada.id,
    line_items: [{ description: 'Gutter cleaning, two storeys', quantity: 1, unit_amount: 18_000, tax_rate: 10 }],
  })
  const roof = await op.invoices.create({
    customer_id: grace.id,
    line_items: [{ description: 'Roof inspection', quantity: 1, unit_amount: 50_000 }],
  })

  const approve = async (body: Parameters<OctopusPro['payments']['create']>[0]) =>
    op.payments.approve((await op.payments.create(body)).id)
  await approve({
    customer_id: ada.id,
    invoice_id: gutters.id,
    amount: gutters.total,
    method: 'card',
    gateway: 'authorize_net',
  })
  await approve({ customer_id: grace.id, invoice_id: roof.id, amount: 20_000, method: 'bank_transfer' })
  await approve({ customer_id: grace.id, invoice_id: roof.id, amount: 30_000, method: 'card', gateway: 'eway' })
  await approve({ customer_id: linus.id, amount: 4_500, method: 'cash' })

  return { customers: [ada, grace, linus], invoices: [gutters, roof] }
}
