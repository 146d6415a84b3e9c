import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { expectError, setup } from '../helpers/api.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

function start() {
  const clock = manualClock('2026-11-27T10:00:00.000Z')
  current = setup({ clock })
  return { ...current, clock }
}
const key = (value: string) => ({ 'idempotency-key': value })

describe('Idempotency-Key', () => {
  it(
    'same key and body: the stored response is replayed byte for byte with idempotent-replayed, and nothing runs ' +
      'twice',
    async () => {
      const { api, server } = start()
      const first = await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers: key('k1') })
      const again = await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers: key('k1') })
      expect([again.status, again.text]).toEqual([201, first.text])
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(first.headers.get('idempotent-replayed')).toBeNull()
      expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'))
      expect((await api('GET', '/v1/customers')).body.data).toHaveLength(1)
      expect(server.events.list()).toHaveLength(1)
    },
  )

  it('replays a business error too (it was an answer), but not a validation error', async () => {
    const { api } = start()
    const missing = await api('POST', '/v1/payments/pay_missing/approve', { headers: key('k2') })
    const replay = await api('POST', '/v1/payments/pay_missing/approve', { headers: key('k2') })
    expect([replay.status, replay.text, replay.headers.get('idempotent-replayed')]).toEqual([404, missing.text, 'true'])
    const invalid = await api('POST', '/v1/customers', { body: {}, headers: key('k3') })
    expect(invalid.status).toBe(400)
    expect((await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers: key('k3') })).status).toBe(201)
  })

  it('same key with another body or route: 409 idempotency_key_reused', async () => {
    const { api } = start()
    await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers: key('k4') })
    expectError(await api('POST', '/v1/customers', { body: { name: 'Grace' }, headers: key('k4') }), {
      status: 409,
      type: 'conflict_error',
      code: 'idempotency_key_reused',
      message: 'with a different body',
    })
    expectError(
      await api('POST', '/v1/users', {
        body: { name: 'Ada', email: 'ada@example.com', role: 'admin' },
        headers: key('k4'),
      }),
      {
        status: 409,
        type: 'conflict_error',
        code: 'idempotency_key_reused',
        message: 'POST /v1/customers',
      },
    )
  })

  it('a request still running with the key: 409 idempotency_key_in_use', async () => {
    const { api, server, clock } = start()
    server.faults.add({ match: 'POST /v1/customers', latencyMs: 1000, times: 1 })
    const slow = api('POST', '/v1/customers', { body: { name: 'Ada' }, headers: key('k5') })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expectError(await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers: key('k5') }), {
      status: 409,
      type: 'conflict_error',
      code: 'idempotency_key_in_use',
      message: 'still in progress',
    })
    await clock.advance(1000)
    expect((await slow).status).toBe(201)
    expect(
      (await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers: key('k5') })).headers.get(
        'idempotent-replayed',
      ),
    ).toBe('true')
  })

  it('is scoped to the API key and expires after 24 h', async () => {
    const { api, clock } = start()
    const other = (await api('POST', '/v1/api-keys', { body: { name: 'other' } })).body.secret
    await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers: key('k6') })
    expect(
      (await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers: key('k6'), key: other })).headers.get(
        'idempotent-replayed',
      ),
    ).toBeNull()
    await clock.advance(24 * 3600_000)
    const fresh = await api('POST', '/v1/customers', { body: { name: 'Grace' }, headers: key('k6') })
    expect([fresh.status, fresh.headers.get('idempotent-replayed')]).toEqual([201, null])
    expect((await api('GET', '/v1/customers')).body.data).toHaveLength(3)
  })

  it('rejects a key longer than 255 characters', async () => {
    const { api } = start()
    expectError(await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers: key('k'.repeat(256)) }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'Idempotency-Key',
      message: '1 to 255 characters',
    })
  })
})
