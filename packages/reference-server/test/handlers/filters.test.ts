import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setup } from '../helpers/api.js'

let demo: ReturnType<typeof setup>
beforeAll(() => {
  demo = setup({ seed: 'demo' })
})
afterAll(() => demo.close())

type Item = Record<string, unknown> & { id: string }

async function listAll(path: string, query = ''): Promise<Item[]> {
  const items: Item[] = []
  let cursor: string | null = null
  do {
    const res = await demo.api(
      'GET',
      `/v1/${path}?limit=37${query ? `&${query}` : ''}${cursor ? `&starting_after=${cursor}` : ''}`,
    )
    if (res.status !== 200) throw new Error(res.text)
    items.push(...res.body.data)
    cursor = res.body.next_cursor
  } while (cursor)
  return items
}

/** [path, filter, how to pick a value from the data, the filter's meaning] */
const filters: [string, string, (items: Item[]) => string, (item: Item, value: string) => boolean][] = [
  [
    'customers',
    'email',
    (c) => String(c[7]?.email).toUpperCase(),
    (c, v) => String(c.email).toLowerCase() === v.toLowerCase(),
  ],
  ['customers', 'tag', () => 'vip', (c, v) => (c.tags as string[]).includes(v)],
  ['users', 'role', () => 'fieldworker', (u, v) => u.role === v],
  ['users', 'active', () => 'false', (u, v) => String(u.active) === v],
  ['inquiries', 'status', () => 'converted', (i, v) => i.status === v],
  ['inquiries', 'source', () => 'website', (i, v) => i.source === v],
  ['inquiries', 'customer_id', (i) => String(i.find((x) => x.customer_id)?.customer_id), (i, v) => i.customer_id === v],
  ['quotes', 'status', () => 'declined', (q, v) => q.status === v],
  ['quotes', 'customer_id', (q) => String(q[3]?.customer_id), (q, v) => q.customer_id === v],
  ['bookings', 'status', () => 'completed', (b, v) => b.status === v],
  ['bookings', 'customer_id', (b) => String(b[5]?.customer_id), (b, v) => b.customer_id === v],
  [
    'bookings',
    'scheduled_after',
    (b) => String(b[60]?.scheduled_start),
    (b, v) => Date.parse(String(b.scheduled_start)) > Date.parse(v),
  ],
  [
    'bookings',
    'scheduled_before',
    (b) => String(b[60]?.scheduled_start),
    (b, v) => Date.parse(String(b.scheduled_start)) < Date.parse(v),
  ],
  ['appointments', 'status', () => 'no_show', (a, v) => a.status === v],
  [
    'appointments',
    'booking_id',
    (a) => String(a.find((x, i) => a.findIndex((y) => y.booking_id === x.booking_id) !== i)?.booking_id),
    (a, v) => a.booking_id === v,
  ],
  ['appointments', 'fieldworker_id', (a) => String(a[0]?.fieldworker_id), (a, v) => a.fieldworker_id === v],
  ['invoices', 'status', () => 'open', (i, v) => i.status === v],
  ['invoices', 'customer_id', (i) => String(i[2]?.customer_id), (i, v) => i.customer_id === v],
  ['invoices', 'booking_id', (i) => String(i[2]?.booking_id), (i, v) => i.booking_id === v],
  ['payments', 'status', () => 'rejected', (p, v) => p.status === v],
  ['payments', 'customer_id', (p) => String(p[4]?.customer_id), (p, v) => p.customer_id === v],
  ['payments', 'invoice_id', (p) => String(p[4]?.invoice_id), (p, v) => p.invoice_id === v],
  ['complaints', 'status', () => 'closed', (c, v) => c.status === v],
  ['complaints', 'severity', () => 'medium', (c, v) => c.severity === v],
  ['complaints', 'customer_id', (c) => String(c[0]?.customer_id), (c, v) => c.customer_id === v],
  ['communications', 'channel', () => 'whatsapp', (c, v) => c.channel === v],
  ['communications', 'direction', () => 'outbound', (c, v) => c.direction === v],
  ['communications', 'customer_id', (c) => String(c[9]?.customer_id), (c, v) => c.customer_id === v],
]

describe('every list filter, over the demo data and across pages', () => {
  it.each(filters)('%s?%s', async (path, filter, pick, meaning) => {
    const all = await listAll(path)
    const value = pick(all)
    const expected = all.filter((item) => meaning(item, value)).map((item) => item.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(all.length)
    const filtered = await listAll(path, `${filter}=${encodeURIComponent(value)}`)
    expect(filtered.map((item) => item.id)).toEqual(expected)
  })
})
