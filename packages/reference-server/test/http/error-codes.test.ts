import { errorCodes, idPrefixes } from '@octopuspro/contract'
import { afterAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { type ApiResponse, setup } from '../helpers/api.js'
import { buildWorld } from '../helpers/world.js'

const clock = manualClock('2026-11-27T10:00:00.000Z')
let ids = 0
const { api, server, close } = setup({
  clock,
  account: { plan: 'starter' },
  rateLimit: { limit: 1000 },
  ids: (kind) => {
    if (kind === 'complaint') throw new Error('no complaint ids today')
    return `${idPrefixes[kind]}_${String(++ids).padStart(8, '0')}`
  },
})
afterAll(close)

/** One request per error code of the contract; the table must cover every code it lists. */
describe('every error code of the contract is reachable', () => {
  it('answers each code with its status and type, in the wire-contract error shape', async () => {
    const world = await buildWorld(api)
    const readOnly = (await api('POST', '/v1/api-keys', { body: { name: 'ro', mode: 'read_only' } })).body.secret
    const revoked = (await api('POST', '/v1/api-keys', { body: { name: 'rv' } })).body
    await api('POST', `/v1/api-keys/${revoked.id}/revoke`)
    const expiring = (
      await api('POST', '/v1/api-keys', { body: { name: 'ex', expires_at: '2026-11-27T10:00:01.000Z' } })
    ).body.secret
    const limited = (await api('POST', '/v1/api-keys', { body: { name: 'busy' } })).body.secret
    await clock.advance(1000)
    server.faults.add({ match: 'GET /v1/users', status: 500, times: 1 })
    server.faults.add({ match: 'POST /v1/inquiries', latencyMs: 1000, times: 1 })
    const inFlight = api('POST', '/v1/inquiries', {
      body: { name: 'A', service: 'B' },
      headers: { 'idempotency-key': 'busy' },
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    const payment = (
      await api('POST', '/v1/payments', { body: { customer_id: world.customer.id, amount: 100, method: 'cash' } })
    ).body
    await api('POST', '/v1/customers', { body: { name: 'X' }, headers: { 'idempotency-key': 'used' } })
    let burst: ApiResponse | undefined
    for (let i = 0; i < 1001 && burst?.status !== 429; i++) burst = await api('GET', '/v1/account', { key: limited })

    const seen: Record<string, ApiResponse> = {
      invalid_json: await api('POST', '/v1/customers', { raw: '{', headers: { 'content-type': 'application/json' } }),
      unknown_parameter: await api('POST', '/v1/customers', { body: { name: 'A', x: 1 } }),
      parameter_invalid: await api('GET', '/v1/customers?limit=500'),
      parameter_missing: await api('POST', '/v1/customers', { body: {} }),
      api_key_missing: await api('GET', '/v1/customers', { key: null }),
      api_key_invalid: await api('GET', '/v1/customers', { key: `opk_${'0'.repeat(40)}` }),
      api_key_revoked: await api('GET', '/v1/customers', { key: revoked.secret }),
      api_key_expired: await api('GET', '/v1/customers', { key: expiring }),
      api_key_read_only: await api('POST', '/v1/customers', { body: { name: 'A' }, key: readOnly }),
      plan_required: await api('PUT', '/v1/integrations/google_maps', { body: { credentials: { api_key: 'k' } } }),
      resource_missing: await api('GET', '/v1/customers/cus_missing'),
      route_not_found: await api('GET', '/v2/customers'),
      method_not_allowed: await api('PATCH', '/v1/customers'),
      idempotency_key_reused: await api('POST', '/v1/customers', {
        body: { name: 'Y' },
        headers: { 'idempotency-key': 'used' },
      }),
      idempotency_key_in_use: await api('POST', '/v1/inquiries', {
        body: { name: 'A', service: 'B' },
        headers: { 'idempotency-key': 'busy' },
      }),
      invalid_state_transition: await api('POST', `/v1/payments/${payment.id}/refund`),
      resource_in_use: await api('DELETE', `/v1/customers/${world.customer.id}`),
      payload_too_large: await api('POST', '/v1/customers', { raw: 'x'.repeat(1024 * 1024 + 1) }),
      unsupported_media_type: await api('POST', '/v1/customers', {
        raw: '<name/>',
        headers: { 'content-type': 'application/xml' },
      }),
      reference_invalid: await api('POST', '/v1/quotes', {
        body: { customer_id: 'cus_missing', line_items: [{ description: 'x', quantity: 1, unit_amount: 1 }] },
      }),
      amount_invalid: await api('POST', '/v1/payments', {
        body: { customer_id: world.customer.id, invoice_id: world.invoice.id, amount: 10_000_000, method: 'cash' },
      }),
      rate_limited: burst as ApiResponse,
      internal_error: await api('POST', '/v1/complaints', {
        body: { customer_id: world.customer.id, subject: 'S', description: 'D' },
      }),
      injected_fault: await api('GET', '/v1/users'),
    }
    await clock.advance(1000)
    await inFlight

    expect(Object.keys(seen).sort()).toEqual(Object.keys(errorCodes).sort())
    for (const [code, res] of Object.entries(seen)) {
      const expected = errorCodes[code as keyof typeof errorCodes]
      expect([code, res.status, res.body?.error?.type, res.body?.error?.code]).toEqual([
        code,
        expected.status,
        expected.type,
        code,
      ])
      expect(res.body.error.request_id).toBe(res.headers.get('x-request-id'))
      expect([code, res.body.error.message]).toEqual([code, expect.stringMatching(/^\S+( \S+){2,}/)])
    }
  })
})
