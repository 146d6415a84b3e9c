import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { expectError, setup } from '../helpers/api.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

describe('rate limiting', () => {
  it('is off unless configured: no x-ratelimit headers', async () => {
    current = setup()
    expect((await current.api('GET', '/v1/customers')).headers.get('x-ratelimit-limit')).toBeNull()
  })

  it(
    'a token bucket per API key: headers on every response, 429 rate_limited with Retry-After when empty, refilled ' +
      'by time',
    async () => {
      const clock = manualClock('2026-11-27T10:00:00.000Z')
      current = setup({ clock, rateLimit: { limit: 3, windowMs: 3000 } })
      const { api } = current
      const seen: [string | null, string | null, string | null][] = []
      for (let i = 0; i < 3; i++) {
        const res = await api('GET', '/v1/customers')
        seen.push([
          res.headers.get('x-ratelimit-limit'),
          res.headers.get('x-ratelimit-remaining'),
          res.headers.get('x-ratelimit-reset'),
        ])
      }
      const reset = (s: number) => String(Date.parse('2026-11-27T10:00:00.000Z') / 1000 + s)
      expect(seen).toEqual([
        ['3', '2', reset(1)],
        ['3', '1', reset(2)],
        ['3', '0', reset(3)],
      ])
      const limited = await api('POST', '/v1/customers', { body: { name: 'Ada' } })
      expectError(limited, { status: 429, type: 'rate_limit_error', code: 'rate_limited', message: 'retry after 1 s' })
      expect([limited.headers.get('retry-after'), limited.headers.get('x-ratelimit-remaining')]).toEqual(['1', '0'])
      await clock.advance(1000)
      const refilled = await api('GET', '/v1/customers')
      expect([refilled.status, refilled.body.data, refilled.headers.get('x-ratelimit-remaining')]).toEqual([
        200,
        [],
        '0',
      ])
      const again = await api('GET', '/v1/customers/cus_missing')
      expectError(again, { status: 429, type: 'rate_limit_error', code: 'rate_limited' })
    },
  )

  it('buckets are per key: one key at its limit does not limit another', async () => {
    current = setup({ clock: manualClock('2026-11-27T10:00:00.000Z'), rateLimit: { limit: 1 } })
    const { api } = current
    const second = (await api('POST', '/v1/api-keys', { body: { name: 'second' } })).body.secret
    expect((await api('GET', '/v1/customers')).status).toBe(429)
    expect((await api('GET', '/v1/customers', { key: second })).status).toBe(200)
  })
})
