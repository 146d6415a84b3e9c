import { afterEach, describe, expect, it } from 'vitest'
import { createReferenceServer, manualClock, ReferenceServerError } from '../../src/index.js'
import { expectError, setup } from '../helpers/api.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

describe('faults', () => {
  it('answer an injected status on matching routes only, at most `times` times', async () => {
    current = setup({ faults: [{ match: 'POST /v1/customers', status: 503, times: 2 }] })
    const { api } = current
    const res = await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    expectError(res, {
      status: 503,
      type: 'api_error',
      code: 'injected_fault',
      message: "rule 'POST /v1/customers' answers 503",
    })
    expect(res.headers.get('retry-after')).toBe('1')
    expect((await api('GET', '/v1/customers')).status).toBe(200)
    expect((await api('POST', '/v1/customers', { body: { name: 'Ada' } })).status).toBe(503)
    expect((await api('POST', '/v1/customers', { body: { name: 'Ada' } })).status).toBe(201)
    expect((await api('GET', '/v1/customers')).body.data).toHaveLength(1)
  })

  it('match with * and without a method; the error type follows the status', async () => {
    current = setup()
    const { api, server } = current
    server.faults.add({ match: '/v1/customers/*', status: 429 })
    server.faults.add({ match: 'GET *', status: 500 })
    expectError(await api('DELETE', '/v1/customers/cus_1'), {
      status: 429,
      type: 'rate_limit_error',
      code: 'injected_fault',
    })
    expectError(await api('GET', '/v1/users'), { status: 500, type: 'api_error', code: 'injected_fault' })
    server.faults.clear()
    expect((await api('GET', '/v1/users')).status).toBe(200)
  })

  it('rate 0 never fires; rate 1 always does', async () => {
    current = setup({ faults: [{ match: '*', status: 500, rate: 0 }] })
    for (let i = 0; i < 5; i++) expect((await current.api('GET', '/v1/customers')).status).toBe(200)
  })

  it('latency waits on the server clock (fixed or a range) before handling', async () => {
    const clock = manualClock('2026-11-27T10:00:00.000Z')
    current = setup({ clock, faults: [{ match: 'GET /v1/customers', latencyMs: [100, 200] }] })
    let done = false
    const pending = current.api('GET', '/v1/customers').then((res) => {
      done = true
      return res
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(done).toBe(false)
    await clock.advance(200)
    expect((await pending).status).toBe(200)
  })

  it('after: the request takes effect, its Idempotency-Key stores the real answer; the retry replays it', async () => {
    current = setup({ faults: [{ match: 'POST /v1/customers', status: 502, after: true, times: 1 }] })
    const { api, server } = current
    const headers = { 'idempotency-key': 'lost-response' }
    const lost = await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers })
    expectError(lost, { status: 502, type: 'api_error', code: 'injected_fault' })
    const retry = await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers })
    expect([retry.status, retry.headers.get('idempotent-replayed'), retry.body.name]).toEqual([201, 'true', 'Ada'])
    expect((await api('GET', '/v1/customers')).body.data).toHaveLength(1)
    expect(server.events.list()).toHaveLength(1)
  })

  it('a fault before the handler releases the Idempotency-Key so the retry runs', async () => {
    current = setup({ faults: [{ match: 'POST /v1/customers', status: 500, times: 1 }] })
    const headers = { 'idempotency-key': 'k' }
    expect((await current.api('POST', '/v1/customers', { body: { name: 'Ada' }, headers })).status).toBe(500)
    const retry = await current.api('POST', '/v1/customers', { body: { name: 'Ada' }, headers })
    expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([201, null])
  })

  it('refuses malformed rules with a clear error', () => {
    const bad = [
      { match: '', status: 500 },
      { match: 'GET /a /b', status: 500 },
      { match: '*', status: 200 },
      { match: '*', status: 500, rate: 2 },
      { match: '*', latencyMs: [5, 1] as [number, number] },
      { match: '*', status: 500, times: 0 },
      { match: '*' },
      { match: '*', latencyMs: 5, after: true },
    ]
    for (const rule of bad) {
      expect(() => createReferenceServer({ faults: [rule] })).toThrow(ReferenceServerError)
    }
  })
})
