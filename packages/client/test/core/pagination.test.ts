import { describe, expect, it } from 'vitest'
import { OctopusPro, OctopusProError, Page, PagePromise } from '../../src/index.js'
import { apiKey, baseUrl, customer, page, stubFetch } from '../helpers/stub-fetch.js'

const customers = Array.from({ length: 7 }, (_, i) => ({ ...customer, id: `cus_${i + 1}`, name: `Customer ${i + 1}` }))

/** Serves `customers` in pages of `limit` after `starting_after`, like the API. */
function pagedClient() {
  const stub = stubFetch((request) => {
    const url = new URL(request.url)
    const limit = Number(url.searchParams.get('limit') ?? 20)
    const after = url.searchParams.get('starting_after')
    const start = after ? customers.findIndex((c) => c.id === after) + 1 : 0
    const data = customers.slice(start, start + limit)
    return page(data, start + limit < customers.length)
  })
  return { op: new OctopusPro({ apiKey, baseUrl, fetch: stub.fetch }), seen: stub.seen }
}

describe('list pages', () => {
  it('await gives the first page', async () => {
    const { op, seen } = pagedClient()
    const first = await op.customers.list({ limit: 3, tag: 'vip' })
    expect(first).toBeInstanceOf(Page)
    expect(first.data.map((c) => c.id)).toEqual(['cus_1', 'cus_2', 'cus_3'])
    expect(first.hasMore).toBe(true)
    expect(first.nextCursor).toBe('cus_3')
    expect(Object.fromEntries(seen[0]!.url.searchParams)).toEqual({ limit: '3', tag: 'vip' })
  })

  it('nextPage keeps the filters and moves the cursor', async () => {
    const { op, seen } = pagedClient()
    const second = await (await op.customers.list({ limit: 3, tag: 'vip' })).nextPage()
    expect(second.data.map((c) => c.id)).toEqual(['cus_4', 'cus_5', 'cus_6'])
    expect(Object.fromEntries(seen[1]!.url.searchParams)).toEqual({ limit: '3', tag: 'vip', starting_after: 'cus_3' })
    const last = await second.nextPage()
    expect(last.data.map((c) => c.id)).toEqual(['cus_7'])
    expect(last.hasMore).toBe(false)
    expect(last.nextCursor).toBeNull()
    await expect(last.nextPage()).rejects.toMatchObject({ code: 'no_next_page' })
  })

  it('for await on the list call walks every item of every page', async () => {
    const { op, seen } = pagedClient()
    const ids: string[] = []
    for await (const c of op.customers.list({ limit: 3 })) ids.push(c.id)
    expect(ids).toEqual(customers.map((c) => c.id))
    expect(seen).toHaveLength(3)
  })

  it('for await on a page starts from that page', async () => {
    const { op } = pagedClient()
    const second = await (await op.customers.list({ limit: 3 })).nextPage()
    const ids: string[] = []
    for await (const c of second) ids.push(c.id)
    expect(ids).toEqual(['cus_4', 'cus_5', 'cus_6', 'cus_7'])
  })

  it('stops fetching when the loop stops', async () => {
    const { op, seen } = pagedClient()
    for await (const c of op.customers.list({ limit: 3 })) if (c.id === 'cus_2') break
    expect(seen).toHaveLength(1)
  })

  it('toArray collects up to the limit, fetching no more pages than needed', async () => {
    const { op, seen } = pagedClient()
    expect((await op.customers.list({ limit: 3 }).toArray({ limit: 4 })).map((c) => c.id)).toEqual([
      'cus_1',
      'cus_2',
      'cus_3',
      'cus_4',
    ])
    expect(seen).toHaveLength(2)
    expect(await op.customers.list({ limit: 3 }).toArray({ limit: 100 })).toHaveLength(7)
  })

  it.each([0, -1, 1.5, 10_001, Number.NaN])('toArray refuses limit %s', async (limit) => {
    const { op } = pagedClient()
    const error = await op.customers
      .list()
      .toArray({ limit })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OctopusProError)
    expect((error as OctopusProError).code).toBe('invalid_option')
  })

  it('list calls return a PagePromise with withResponse', async () => {
    const { op } = pagedClient()
    const call = op.customers.list({ limit: 2 })
    expect(call).toBeInstanceOf(PagePromise)
    const { data, response, requestId } = await call.withResponse()
    expect(data.data).toHaveLength(2)
    expect(response.status).toBe(200)
    expect(requestId).toBe('req_ok')
  })
})
