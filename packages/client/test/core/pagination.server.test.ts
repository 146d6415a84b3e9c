import { describe, expect, it } from 'vitest'
import type { OctopusPro } from '../../src/index.js'
import { clientOf, doors, useServer } from '../helpers/server.js'

async function createCustomers(op: OctopusPro, count: number, label: string): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) ids.push((await op.customers.create({ name: `${label} ${i}` })).id)
  return ids
}

const ascending = (ids: string[]) => ids.every((id, i) => i === 0 || ids[i - 1]! < id)

describe.each(doors)('auto-pagination against the server (%s)', (door) => {
  const ctx = useServer(door)

  /** A client that counts the list pages it fetches. */
  function countingClient() {
    const pages: string[] = []
    const op = clientOf(ctx.server, door, {
      hooks: {
        afterResponse: [
          ({ method, path, request }) =>
            void (method === 'GET' && path === '/customers' && pages.push(new URL(request.url).search)),
        ],
      },
    })
    return { op, pages }
  }

  it('walks every item of more than 3 pages exactly once, in order', async () => {
    const created = await createCustomers(ctx.op, 25, 'Customer')
    const { op, pages } = countingClient()
    const seen: string[] = []
    for await (const customer of op.customers.list({ limit: 7 })) seen.push(customer.id)
    expect(seen).toEqual(created)
    expect(pages).toEqual([
      '?limit=7',
      `?limit=7&starting_after=${created[6]}`,
      `?limit=7&starting_after=${created[13]}`,
      `?limit=7&starting_after=${created[20]}`,
    ])
  })

  it('page by page with nextPage gives the same items', async () => {
    const created = await createCustomers(ctx.op, 10, 'Customer')
    let page = await ctx.op.customers.list({ limit: 3 })
    const seen = [...page.data.map((c) => c.id)]
    let count = 1
    while (page.hasMore) {
      page = await page.nextPage()
      seen.push(...page.data.map((c) => c.id))
      count++
    }
    expect(seen).toEqual(created)
    expect(count).toBe(4)
    expect(page.nextCursor).toBeNull()
  })

  it('stays exact while customers are inserted concurrently: no duplicates, no gaps, new ones at the end', async () => {
    const created = await createCustomers(ctx.op, 20, 'Before')
    const inserting = createCustomers(ctx.op, 12, 'During')
    const seen: string[] = []
    for await (const customer of ctx.op.customers.list({ limit: 4 })) seen.push(customer.id)
    const inserted = await inserting
    expect(new Set(seen).size).toBe(seen.length)
    expect(ascending(seen)).toBe(true)
    expect(seen.slice(0, 20)).toEqual(created)
    expect(seen.slice(20)).toEqual(inserted.slice(0, seen.length - 20))
    // Walking again once inserts are done sees everything.
    expect(await ctx.op.customers.list({ limit: 4 }).toArray({ limit: 1_000 })).toHaveLength(32)
  })

  it('inserts between pages show up in the later pages; deleting the cursor object skips nothing', async () => {
    const created = await createCustomers(ctx.op, 12, 'Before')
    const inserted: string[] = []
    const seen: string[] = []
    for await (const customer of ctx.op.customers.list({ limit: 4 })) {
      seen.push(customer.id)
      if (seen.length % 4 === 0 && inserted.length < 2) {
        inserted.push((await ctx.op.customers.create({ name: `During ${inserted.length}` })).id)
        await ctx.op.customers.delete(customer.id) // the cursor of the next page, a position that still works
      }
    }
    expect(seen).toEqual([...created, ...inserted])
  })

  it('toArray stops at its limit across pages', async () => {
    const created = await createCustomers(ctx.op, 9, 'Customer')
    const { op, pages } = countingClient()
    expect((await op.customers.list({ limit: 2 }).toArray({ limit: 5 })).map((c) => c.id)).toEqual(created.slice(0, 5))
    expect(pages).toHaveLength(3)
  })
})
