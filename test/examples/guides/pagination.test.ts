import { OctopusPro } from '@octopuspro/client'
import { createReferenceServer, type ReferenceServer } from '@octopuspro/reference-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The samples of docs/pagination.md against the demo data. Each request is counted to show what is fetched when.
let server: ReferenceServer
let op: OctopusPro
let requests: string[] = []

beforeAll(() => {
  server = createReferenceServer({ seed: 'demo' })
  const fetch = (request: Request) => {
    requests.push(new URL(request.url).search)
    return server.fetch(request)
  }
  op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch })
})
afterAll(() => server.close())

describe('docs/pagination.md', () => {
  it('for await walks every item of every page, one page at a time', async () => {
    requests = []
    const confirmed: string[] = []
    // #region for-await
    for await (const booking of op.bookings.list({ status: 'confirmed', limit: 5 })) {
      confirmed.push(booking.id) // the next page is fetched when the loop reaches the end of this one
    }
    // #endregion for-await
    expect(confirmed.length).toBeGreaterThan(5)
    expect(confirmed).toEqual([...confirmed].sort()) // ascending by id, that is by creation
    expect(new Set(confirmed).size).toBe(confirmed.length)
    expect(requests).toHaveLength(Math.ceil(confirmed.length / 5))
    expect(requests[1]).toMatch(/starting_after=bkg_/)
  })

  it('page by page, with hasMore and nextPage()', async () => {
    // #region pages
    let due = 0
    let page = await op.invoices.list({ status: 'open', limit: 50 })
    for (;;) {
      due += page.data.reduce((sum, invoice) => sum + invoice.amount_due, 0)
      if (!page.hasMore) break
      page = await page.nextPage() // same filters, starting after page.nextCursor
    }
    // #endregion pages
    let expected = 0
    for await (const invoice of op.invoices.list({ status: 'open' })) expected += invoice.amount_due
    expect(due).toBe(expected)
    expect(page.nextCursor).toBeNull()
    await expect(page.nextPage()).rejects.toMatchObject({ code: 'no_next_page' })
  })

  it('toArray needs a limit; breaking out of a loop stops fetching', async () => {
    // #region to-array
    const approved = await op.events.list({ type: 'payment.approved' }).toArray({ limit: 500 })
    // #endregion to-array
    expect(approved.every((event) => event.type === 'payment.approved')).toBe(true)

    requests = []
    // #region break
    let firstVip
    for await (const customer of op.customers.list({ limit: 100 })) {
      if (customer.tags.includes('vip')) {
        firstVip = customer
        break // no further page is fetched
      }
    }
    // #endregion break
    expect(firstVip?.tags).toContain('vip')
    expect(requests).toHaveLength(1)
    await expect(op.customers.list().toArray({ limit: 0 })).rejects.toMatchObject({ code: 'invalid_option' })
  })

  it('time windows are exclusive; updated_after finds what changed', async () => {
    const all = await op.customers.list({ limit: 100 }).toArray({ limit: 1_000 })
    const pivot = all[100]!
    // #region windows
    const november = op.customers.list({
      created_after: '2026-11-01T00:00:00.000Z',
      created_before: '2026-12-01T00:00:00.000Z',
    })
    const changed = op.customers.list({ updated_after: '2026-11-27T09:00:00.000Z' }) // updated strictly after
    // #endregion windows
    expect(await november.toArray({ limit: 1_000 })).toEqual(
      all.filter((c) => c.created_at > '2026-11-01T00:00:00.000Z' && c.created_at < '2026-12-01T00:00:00.000Z'),
    )
    expect((await changed.toArray({ limit: 1_000 })).every((c) => c.updated_at > '2026-11-27T09:00:00.000Z')).toBe(true)
    const after = await op.customers.list({ created_after: pivot.created_at }).toArray({ limit: 1_000 })
    expect(after.map((c) => c.id)).not.toContain(pivot.id)
  })

  it('a cursor is a position: resume after the last id seen, even if it was deleted', async () => {
    const first = await op.complaints.list({ limit: 10 })
    const lastSeen = first.data.at(-1)!.id
    await op.complaints.delete(lastSeen)
    // #region resume
    // lastSeen saved from an earlier run
    const rest = await op.complaints.list({ starting_after: lastSeen, limit: 100 })
    // #endregion resume
    expect(rest.data[0]!.id > lastSeen).toBe(true)
    const everything = await op.complaints.list().toArray({ limit: 1_000 })
    expect(rest.data[0]!.id).toBe(everything.find((c) => c.id > lastSeen)!.id)
  })
})
