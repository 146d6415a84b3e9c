import { computeTotals, type RouteName } from '@octopuspro/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReferenceServer, manualClock, type ReferenceServer } from '../../src/index.js'
import { client, expectRoute } from '../helpers/api.js'

type Item = Record<string, any> & { id: string }

async function dump(server: ReferenceServer): Promise<Record<string, Item[]>> {
  const api = client(server)
  const out: Record<string, Item[]> = {}
  for (const group of [
    'customers',
    'users',
    'inquiries',
    'quotes',
    'bookings',
    'appointments',
    'invoices',
    'payments',
    'complaints',
    'communications',
  ]) {
    const items: Item[] = []
    let cursor: string | null = null
    do {
      const page = expectRoute(
        `${group}.list` as RouteName,
        await api('GET', `/v1/${group}?limit=100${cursor ? `&starting_after=${cursor}` : ''}`),
      )
      items.push(...page.data)
      cursor = page.next_cursor
    } while (cursor)
    out[group] = items
  }
  return out
}

let server: ReferenceServer
let data: Record<string, Item[]>
beforeAll(async () => {
  server = createReferenceServer({ seed: 'demo', ids: 'sequential', clock: manualClock('2026-11-27T10:00:00.000Z') })
  data = await dump(server)
})
afterAll(() => server.close())

const all = (group: string) => data[group] ?? []
const byId = (group: string) => new Map(all(group).map((item) => [item.id, item]))

describe("seed: 'demo'", () => {
  it('holds a realistic business: 200 customers, 20 users and everything that follows from their jobs', () => {
    const counts = Object.fromEntries(Object.entries(data).map(([group, items]) => [group, items.length]))
    expect(counts).toEqual({
      customers: 200,
      users: 20,
      inquiries: 78,
      quotes: 150,
      bookings: 129,
      appointments: 169,
      invoices: 101,
      payments: 95,
      complaints: 12,
      communications: 140,
    })
    const roles = all('users').map((u) => u.role)
    expect(roles.filter((r) => r === 'fieldworker')).toHaveLength(9)
    expect(all('users').filter((u) => u.role === 'fieldworker' && !u.active)).toHaveLength(1)
    for (const status of ['completed', 'cancelled', 'no_show', 'scheduled'])
      expect(all('appointments').some((a) => a.status === status)).toBe(true)
    for (const status of ['approved', 'pending', 'rejected', 'partially_refunded'])
      expect(all('payments').some((p) => p.status === status)).toBe(true)
    for (const status of ['paid', 'open']) expect(all('invoices').some((i) => i.status === status)).toBe(true)
  })

  it('is consistent: references resolve, totals and amounts add up, appointments go to fieldworkers', () => {
    const users = byId('users')
    const bookings = byId('bookings')
    const customers = byId('customers')
    for (const appointment of all('appointments')) {
      expect(users.get(appointment.fieldworker_id)?.role).toBe('fieldworker')
      expect(bookings.has(appointment.booking_id)).toBe(true)
      if (appointment.status === 'completed') expect(appointment.arrived_at && appointment.completed_at).toBeTruthy()
    }
    for (const invoice of all('invoices')) {
      expect(customers.has(invoice.customer_id)).toBe(true)
      expect(invoice).toMatchObject(computeTotals(invoice.line_items))
      const paid = all('payments')
        .filter((p) => p.invoice_id === invoice.id && (p.status === 'approved' || p.status === 'partially_refunded'))
        .reduce((sum, p) => sum + p.amount - p.amount_refunded, 0)
      expect([invoice.amount_paid, invoice.amount_due]).toEqual([paid, invoice.total - paid])
      expect(invoice.status === 'paid').toBe(invoice.amount_due === 0)
    }
    expect(all('invoices').map((i) => i.number)).toEqual(
      all('invoices').map((_, n) => `INV-${String(n + 1).padStart(6, '0')}`),
    )
    for (const group of ['customers', 'bookings', 'payments']) {
      const created = all(group).map((item) => item.created_at)
      expect(created).toEqual([...created].sort())
      expect(created.every((at) => at <= '2026-11-27T10:00:00.000Z')).toBe(true)
    }
  })

  it('emits no events and makes no deliveries; new objects sort after the seed', async () => {
    expect(server.events.list()).toEqual([])
    expect(server.deliveries.list()).toEqual([])
    const api = client(server)
    const created = (await api('POST', '/v1/customers', { body: { name: 'Newcomer' } })).body
    const last = (await api('GET', `/v1/customers?ending_before=${created.id}&limit=1`)).body.data[0]
    expect(last.id < created.id).toBe(true)
    expect(server.events.list().map((e) => e.type)).toEqual(['customer.created'])
    server.reset()
  })

  it('is the same data on every run with the same clock and ids', async () => {
    const again = createReferenceServer({
      seed: 'demo',
      ids: 'sequential',
      clock: manualClock('2026-11-27T10:00:00.000Z'),
    })
    expect(JSON.stringify(await dump(again))).toBe(JSON.stringify(data))
    await again.close()
  })

  it('has an active fieldworker to book, as the end-to-end demo expects', async () => {
    const api = client(server)
    const page = (await api('GET', '/v1/users?role=fieldworker&active=true&limit=1')).body
    expect(page.data[0]).toMatchObject({ role: 'fieldworker', active: true })
  })
})
