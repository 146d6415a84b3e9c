import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { expectError, expectRoute, setup } from '../helpers/api.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

async function withCustomers(count: number) {
  const clock = manualClock('2026-11-27T10:00:00.000Z')
  current = setup({ ids: 'sequential', clock })
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    ids.push((await current.api('POST', '/v1/customers', { body: { name: `Customer ${i}` } })).body.id)
    await clock.advance(1000)
  }
  return { ...current, ids, clock }
}

async function walk(
  api: ReturnType<typeof setup>['api'],
  query: string,
): Promise<{ pages: string[][]; hasMore: boolean[] }> {
  const pages: string[][] = []
  const hasMore: boolean[] = []
  let cursor: string | null = null
  do {
    const page = expectRoute(
      'customers.list',
      await api('GET', `/v1/customers?${query}${cursor ? `&starting_after=${cursor}` : ''}`),
    )
    pages.push(page.data.map((c: { id: string }) => c.id))
    hasMore.push(page.has_more)
    cursor = page.next_cursor
    expect(cursor === null).toBe(!page.has_more)
  } while (cursor)
  return { pages, hasMore }
}

describe('cursor pagination', () => {
  it('walks more than three pages in ascending id order with has_more and next_cursor', async () => {
    const { api, ids } = await withCustomers(23)
    const { pages, hasMore } = await walk(api, 'limit=5')
    expect(pages).toEqual([ids.slice(0, 5), ids.slice(5, 10), ids.slice(10, 15), ids.slice(15, 20), ids.slice(20)])
    expect(hasMore).toEqual([true, true, true, true, false])
  })

  it('defaults to 20 items and accepts 1 and 100', async () => {
    const { api, ids } = await withCustomers(21)
    const page = (await api('GET', '/v1/customers')).body
    expect(page.data).toHaveLength(20)
    expect([page.has_more, page.next_cursor]).toEqual([true, ids[19]])
    expect((await api('GET', '/v1/customers?limit=1')).body.data.map((c: { id: string }) => c.id)).toEqual([ids[0]])
    expect((await api('GET', '/v1/customers?limit=100')).body).toMatchObject({ has_more: false, next_cursor: null })
  })

  it('ends exactly on a full last page with has_more false', async () => {
    const { api, ids } = await withCustomers(10)
    expect((await api('GET', `/v1/customers?limit=5&starting_after=${ids[4]}`)).body).toMatchObject({
      has_more: false,
      next_cursor: null,
    })
  })

  it('keeps working when the cursor object was deleted (a cursor is a position)', async () => {
    const { api, ids } = await withCustomers(8)
    expectRoute('customers.delete', await api('DELETE', `/v1/customers/${ids[3]}`))
    const after = (await api('GET', `/v1/customers?limit=2&starting_after=${ids[3]}`)).body
    expect(after.data.map((c: { id: string }) => c.id)).toEqual([ids[4], ids[5]])
    const before = (await api('GET', `/v1/customers?limit=2&ending_before=${ids[3]}`)).body
    expect(before.data.map((c: { id: string }) => c.id)).toEqual([ids[1], ids[2]])
  })

  it('ending_before returns the page just before the cursor, ascending; has_more looks backwards', async () => {
    const { api, ids } = await withCustomers(12)
    const page = (await api('GET', `/v1/customers?limit=3&ending_before=${ids[6]}`)).body
    expect(page.data.map((c: { id: string }) => c.id)).toEqual([ids[3], ids[4], ids[5]])
    expect(page.has_more).toBe(true)
    expect(page.next_cursor).toBe(ids[5])
    const first = (await api('GET', `/v1/customers?limit=3&ending_before=${ids[3]}`)).body
    expect(first.data.map((c: { id: string }) => c.id)).toEqual([ids[0], ids[1], ids[2]])
    expect(first.has_more).toBe(false)
    const none = (await api('GET', `/v1/customers?limit=3&ending_before=${ids[0]}`)).body
    expect(none).toEqual({ object: 'list', data: [], has_more: false, next_cursor: null })
  })

  it('is stable under concurrent inserts and deletes: no item twice, none skipped, new ones at the end', async () => {
    const { api, ids } = await withCustomers(9)
    const seen: string[] = []
    let page = (await api('GET', '/v1/customers?limit=3')).body
    seen.push(...page.data.map((c: { id: string }) => c.id))
    const added = (await api('POST', '/v1/customers', { body: { name: 'Late arrival' } })).body.id
    await api('DELETE', `/v1/customers/${ids[1]}`)
    await api('DELETE', `/v1/customers/${ids[4]}`)
    while (page.has_more) {
      page = (await api('GET', `/v1/customers?limit=3&starting_after=${page.next_cursor}`)).body
      seen.push(...page.data.map((c: { id: string }) => c.id))
    }
    expect(seen).toEqual([ids[0], ids[1], ids[2], ids[3], ids[5], ids[6], ids[7], ids[8], added])
  })

  it('rejects both cursors at once, and a cursor of another object type', async () => {
    const { api, ids } = await withCustomers(2)
    expectError(await api('GET', `/v1/customers?starting_after=${ids[0]}&ending_before=${ids[1]}`), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'ending_before',
      message: 'not both',
    })
    expectError(await api('GET', '/v1/customers?starting_after=bkg_0000000000000000000001'), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'starting_after',
      message: 'cus_',
    })
  })
})

describe('time filters', () => {
  it('created_after / created_before are exclusive windows on created_at; updated_after reads updated_at', async () => {
    const { api, ids, clock } = await withCustomers(5)
    // customers were created at 10:00:00, :01, :02, :03, :04
    const list = async (query: string) =>
      (await api('GET', `/v1/customers?${query}`)).body.data.map((c: { id: string }) => c.id)
    expect(await list('created_after=2026-11-27T10:00:01.000Z')).toEqual(ids.slice(2))
    expect(await list('created_before=2026-11-27T10:00:02.000Z')).toEqual(ids.slice(0, 2))
    expect(await list('created_after=2026-11-27T10:00:00.000Z&created_before=2026-11-27T10:00:03.000Z')).toEqual(
      ids.slice(1, 3),
    )
    await clock.set('2026-11-27T11:00:00.000Z')
    await api('PATCH', `/v1/customers/${ids[1]}`, { body: { notes: 'Moved house' } })
    expect(await list('updated_after=2026-11-27T10:30:00.000Z')).toEqual([ids[1]])
  })

  it('filters combine with pagination: pages hold only matching items and cursors skip the rest', async () => {
    const { api } = await withCustomers(0)
    const vip: string[] = []
    for (let i = 0; i < 12; i++) {
      const customer = (
        await api('POST', '/v1/customers', { body: { name: `C${i}`, tags: i % 3 === 0 ? ['vip'] : [] } })
      ).body
      if (i % 3 === 0) vip.push(customer.id)
    }
    const { pages } = await walk(api, 'tag=vip&limit=3')
    expect(pages).toEqual([vip.slice(0, 3), vip.slice(3)])
  })
})
