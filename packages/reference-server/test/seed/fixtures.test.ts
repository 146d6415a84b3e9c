import type { Customer, Invoice } from '@octopuspro/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { createReferenceServer, type Fixtures, type ReferenceServer, ReferenceServerError } from '../../src/index.js'
import { client } from '../helpers/api.js'

const at = '2026-11-01T09:00:00.000Z'
const stamps = { metadata: {}, created_at: at, updated_at: at }
const customer: Customer = {
  id: 'cus_ada',
  object: 'customer',
  name: 'Ada',
  email: null,
  phone: null,
  company: null,
  address: null,
  notes: null,
  tags: [],
  ...stamps,
}
const invoice: Invoice = {
  id: 'inv_1',
  object: 'invoice',
  customer_id: 'cus_ada',
  booking_id: null,
  number: 'INV-000041',
  status: 'open',
  line_items: [{ description: 'Visit', quantity: 1, unit_amount: 9_900, tax_rate: 0 }],
  currency: 'usd',
  subtotal: 9_900,
  tax: 0,
  total: 9_900,
  amount_paid: 0,
  amount_due: 9_900,
  due_date: null,
  notes: null,
  ...stamps,
}
const fixtures: Fixtures = { customers: [customer], invoices: [invoice] }

let server: ReferenceServer | undefined
afterEach(() => server?.close())

describe('seed: fixtures', () => {
  it('loads the objects as given, emits nothing, and continues invoice numbers after the highest', async () => {
    server = createReferenceServer({ seed: fixtures })
    const api = client(server)
    expect((await api('GET', '/v1/customers/cus_ada')).body).toEqual(customer)
    expect((await api('GET', '/v1/invoices/inv_1')).body).toEqual(invoice)
    expect(server.events.list()).toEqual([])
    const next = (
      await api('POST', '/v1/invoices', { body: { customer_id: 'cus_ada', line_items: invoice.line_items } })
    ).body
    expect(next.number).toBe('INV-000042')
    expect(
      (
        await api('POST', '/v1/payments', {
          body: { customer_id: 'cus_ada', invoice_id: 'inv_1', amount: 9_900, method: 'cash' },
        })
      ).status,
    ).toBe(201)
    server.reset()
    expect((await api('GET', '/v1/invoices')).body.data).toEqual([invoice])
  })

  it('refuses objects that break the contract, duplicate ids and dangling references', () => {
    const attempts: [unknown, string][] = [
      [{ customers: [{ ...customer, email: 'not-an-email' }] }, 'customers.0.email must be an e-mail address'],
      [
        { customers: [customer], invoices: [{ ...invoice, customer_id: 'cus_gone' }] },
        "invoices.0: customer_id 'cus_gone' does not exist",
      ],
      [{ customers: [customer, customer] }, "customers.1.id 'cus_ada' appears twice"],
      [{ widgets: [] }, 'unknown parameter: widgets'],
    ]
    for (const [seed, message] of attempts) {
      let error: unknown
      try {
        createReferenceServer({ seed: seed as Fixtures })
      } catch (thrown) {
        error = thrown
      }
      expect(error).toBeInstanceOf(ReferenceServerError)
      expect(error).toMatchObject({ code: 'fixtures_invalid' })
      expect((error as Error).message).toContain(message)
    }
  })
})

describe('options', () => {
  it('refuses impossible options with invalid_option and a message that says what to pass', () => {
    const attempts: [Parameters<typeof createReferenceServer>[0], string][] = [
      [{ apiKey: 'secret' }, 'apiKey must be opk_'],
      [{ account: { plan: 'gold' as 'growth' } }, 'use starter, growth or unlimited'],
      [{ account: { currency: 'USD' } }, 'lower-case ISO 4217'],
      [{ rateLimit: { limit: 0 } }, 'rateLimit.limit'],
      [{ rateLimit: { limit: 5, windowMs: 0 } }, 'rateLimit.windowMs'],
      [{ delivery: { jitter: 2 } }, 'delivery: DeliveryEngine: jitter is 2'],
      [{ eventRetentionMs: 0 }, 'eventRetentionMs is 0'],
    ]
    for (const [options, message] of attempts) {
      expect(() => createReferenceServer(options)).toThrow(
        expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining(message) }),
      )
    }
  })

  it('uses the given API key as the ready key', async () => {
    const apiKey = `opk_${'a'.repeat(40)}`
    server = createReferenceServer({ apiKey })
    expect(server.apiKey).toBe(apiKey)
    expect((await client(server)('GET', '/v1/account')).status).toBe(200)
  })
})
