import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { expectRoute, setup } from '../helpers/api.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

describe('request log', () => {
  it('lists each request with its x-request-id, status, duration, oldest first; its own reads left out', async () => {
    current = setup({ ids: 'sequential', clock: manualClock('2026-11-27T10:00:00.000Z') })
    const { api } = current
    const created = await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    const missing = await api('GET', '/v1/customers/cus_0000000000000000000099')
    const first = expectRoute('requestLogs.list', await api('GET', '/v1/request-logs'))
    expect(first).toEqual({
      object: 'list',
      data: [
        {
          id: created.headers.get('x-request-id'),
          object: 'request_log_entry',
          method: 'POST',
          path: '/v1/customers',
          status: 201,
          duration_ms: expect.any(Number),
          created_at: '2026-11-27T10:00:00.000Z',
        },
        expect.objectContaining({ id: missing.headers.get('x-request-id'), method: 'GET', status: 404 }),
      ],
      has_more: false,
      next_cursor: null,
    })
    await api('GET', '/v1/account')
    const after = (await api('GET', `/v1/request-logs?starting_after=${first.data[1].id}`)).body
    expect(after.data.map((entry: { path: string }) => entry.path)).toEqual(['/v1/account'])
  })

  it('keeps the 1000 most recent requests, and is emptied by reset()', async () => {
    current = setup()
    const { api, server } = current
    for (let i = 0; i < 1005; i++) await api('GET', '/health')
    const page = (await api('GET', '/v1/request-logs?limit=100')).body
    expect(page.has_more).toBe(true)
    const all = []
    for await (const entry of pages(api)) all.push(entry)
    expect(all).toHaveLength(1000)
    server.reset()
    expect((await api('GET', '/v1/request-logs')).body.data).toEqual([])
  })
})

async function* pages(api: ReturnType<typeof setup>['api']) {
  let cursor: string | null = null
  do {
    const query: string = cursor ? `&starting_after=${cursor}` : ''
    const page = (await api('GET', `/v1/request-logs?limit=100${query}`)).body
    yield* page.data
    cursor = page.next_cursor
  } while (cursor)
}
