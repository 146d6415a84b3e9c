import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { expectError, expectRoute, setup } from '../helpers/api.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

function start() {
  const clock = manualClock('2026-11-27T10:00:00.000Z')
  current = setup({ clock })
  return { ...current, clock }
}

describe('API keys', () => {
  it('create shows the secret once; lists show prefix and last4 only; the secret works', async () => {
    const { api } = start()
    const created = expectRoute(
      'apiKeys.create',
      await api('POST', '/v1/api-keys', { body: { name: 'Data Warehouse Sync' } }),
    )
    expect(created).toMatchObject({
      object: 'api_key',
      name: 'Data Warehouse Sync',
      mode: 'read_write',
      status: 'active',
      expires_at: null,
      last_used_at: null,
    })
    expect(created.secret).toMatch(/^opk_[0-9A-Za-z]{40}$/)
    expect([created.prefix, created.last4]).toEqual([created.secret.slice(0, 8), created.secret.slice(-4)])
    const fetched = expectRoute('apiKeys.get', await api('GET', `/v1/api-keys/${created.id}`))
    expect(fetched).not.toHaveProperty('secret')
    const list = expectRoute('apiKeys.list', await api('GET', '/v1/api-keys'))
    expect(list.data.map((k: { name: string }) => k.name)).toEqual(['Ready key', 'Data Warehouse Sync'])
    expect(JSON.stringify(list)).not.toContain(created.secret)
    expect((await api('GET', '/v1/account', { key: created.secret })).status).toBe(200)
  })

  it('records last_used_at at each authenticated request', async () => {
    const { api, clock } = start()
    const key = (await api('POST', '/v1/api-keys', { body: { name: 'Mobile App' } })).body
    await clock.advance(5_000)
    await api('GET', '/v1/customers', { key: key.secret })
    expect((await api('GET', `/v1/api-keys/${key.id}`)).body.last_used_at).toBe('2026-11-27T10:00:05.000Z')
  })

  it('renames by PATCH (name only)', async () => {
    const { api } = start()
    const key = (await api('POST', '/v1/api-keys', { body: { name: 'Old' } })).body
    expect(
      expectRoute('apiKeys.update', await api('PATCH', `/v1/api-keys/${key.id}`, { body: { name: 'New' } })).name,
    ).toBe('New')
    expectError(await api('PATCH', `/v1/api-keys/${key.id}`, { body: { mode: 'read_only' } }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'unknown_parameter',
      param: 'mode',
    })
  })

  it('expire at expires_at (401 api_key_expired); a past expires_at is refused', async () => {
    const { api, clock } = start()
    expectError(await api('POST', '/v1/api-keys', { body: { name: 'Past', expires_at: '2026-11-27T09:00:00.000Z' } }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'expires_at',
      message: 'not in the future',
    })
    const key = (await api('POST', '/v1/api-keys', { body: { name: 'Temp', expires_at: '2026-11-27T11:00:00.000Z' } }))
      .body
    expect((await api('GET', '/v1/account', { key: key.secret })).status).toBe(200)
    await clock.set('2026-11-27T11:00:00.000Z')
    expectError(await api('GET', '/v1/account', { key: key.secret }), {
      status: 401,
      type: 'authentication_error',
      code: 'api_key_expired',
      message: 'expired at 2026-11-27T11:00:00.000Z',
    })
  })

  it('roll: a new secret at once by default; with an overlap the old one works until it ends', async () => {
    const { api, clock } = start()
    const key = (await api('POST', '/v1/api-keys', { body: { name: 'Integration' } })).body
    const rolled = expectRoute('apiKeys.roll', await api('POST', `/v1/api-keys/${key.id}/roll`))
    expect(rolled.secret).not.toBe(key.secret)
    expect([rolled.id, rolled.prefix, rolled.last4]).toEqual([
      key.id,
      rolled.secret.slice(0, 8),
      rolled.secret.slice(-4),
    ])
    expectError(await api('GET', '/v1/account', { key: key.secret }), {
      status: 401,
      type: 'authentication_error',
      code: 'api_key_expired',
      message: 'was rolled',
    })
    const overlapped = (
      await api('POST', `/v1/api-keys/${key.id}/roll`, { body: { expires_in_seconds: 3600 }, key: rolled.secret })
    ).body
    expect((await api('GET', '/v1/account', { key: rolled.secret })).status).toBe(200)
    expect((await api('GET', '/v1/account', { key: overlapped.secret })).status).toBe(200)
    await clock.advance(3600_000)
    expectError(await api('GET', '/v1/account', { key: rolled.secret }), {
      status: 401,
      type: 'authentication_error',
      code: 'api_key_expired',
    })
    expect((await api('GET', '/v1/account', { key: overlapped.secret })).status).toBe(200)
  })

  it('revoke: 401 api_key_revoked at once, other keys still work; a key can revoke itself; no roll after', async () => {
    const { api, server } = start()
    const a = (await api('POST', '/v1/api-keys', { body: { name: 'Zapier' } })).body
    const b = (await api('POST', '/v1/api-keys', { body: { name: 'Website' } })).body
    const revoked = expectRoute('apiKeys.revoke', await api('POST', `/v1/api-keys/${a.id}/revoke`))
    expect(revoked.status).toBe('revoked')
    expectError(await api('GET', '/v1/account', { key: a.secret }), {
      status: 401,
      type: 'authentication_error',
      code: 'api_key_revoked',
      message: a.id,
    })
    expect((await api('GET', '/v1/account', { key: b.secret })).status).toBe(200)
    expect((await api('GET', '/v1/account', { key: server.apiKey })).status).toBe(200)
    expect((await api('POST', `/v1/api-keys/${b.id}/revoke`, { key: b.secret })).body.status).toBe('revoked')
    expectError(await api('GET', '/v1/account', { key: b.secret }), {
      status: 401,
      type: 'authentication_error',
      code: 'api_key_revoked',
    })
    expectError(await api('POST', `/v1/api-keys/${a.id}/roll`), {
      status: 409,
      type: 'conflict_error',
      code: 'invalid_state_transition',
      message: 'revoked and cannot be rolled',
    })
  })

  it('are stored hashed: the server state never holds a secret', async () => {
    const { api, server } = start()
    const key = (await api('POST', '/v1/api-keys', { body: { name: 'Hashed' } })).body
    const everything = JSON.stringify({ keys: (await api('GET', '/v1/api-keys')).body, events: server.events.list() })
    expect(everything).not.toContain(key.secret)
    expect(everything).not.toContain(server.apiKey)
  })
})

describe('account', () => {
  it('describes the account of the key, with the plan from the options', async () => {
    current = setup({
      account: { name: 'Sparkle Cleaning', plan: 'unlimited', timezone: 'Australia/Sydney', currency: 'aud' },
    })
    expect(expectRoute('account.get', await current.api('GET', '/v1/account'))).toEqual({
      id: 'acct_reference',
      object: 'account',
      name: 'Sparkle Cleaning',
      plan: 'unlimited',
      timezone: 'Australia/Sydney',
      currency: 'aud',
    })
  })
})
