import { AuthenticationError, OctopusPro, OctopusProError, PermissionDeniedError } from '@octopuspro/client'
import {
  createReferenceServer,
  type ManualClock,
  manualClock,
  type ReferenceServer,
} from '@octopuspro/reference-server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// The samples of docs/authentication.md, run against the reference server.
let server: ReferenceServer
let clock: ManualClock
let admin: OctopusPro
/** A client with another key, talking to the same server. */
const clientWith = (apiKey: string) =>
  new OctopusPro({ apiKey, baseUrl: server.baseUrl, fetch: server.fetch, maxRetries: 0 })

beforeEach(() => {
  clock = manualClock('2026-11-27T10:00:00.000Z')
  server = createReferenceServer({ clock })
  admin = clientWith(server.apiKey)
})
afterEach(() => server.close())

describe('docs/authentication.md', () => {
  it('the client reads the key from the environment; a missing one fails at construction', async () => {
    vi.stubEnv('OCTOPUSPRO_BASE_URL', server.baseUrl)
    vi.stubEnv('OCTOPUSPRO_API_KEY', '')
    await expect(import('./samples/client-from-env.js')).rejects.toSatisfy(
      (error) =>
        error instanceof OctopusProError &&
        error.code === 'missing_api_key' &&
        error.message.includes('OCTOPUSPRO_API_KEY'),
    )
    vi.resetModules()
    vi.stubEnv('OCTOPUSPRO_API_KEY', server.apiKey)
    const { op } = await import('./samples/client-from-env.js')
    expect(op.baseUrl).toBe(server.baseUrl)
    vi.unstubAllEnvs()
  })

  it('X-Api-Key is accepted as well as Authorization: Bearer', async () => {
    const viaHeader = await server.fetch(`${server.baseUrl}/account`, { headers: { 'x-api-key': server.apiKey } })
    const viaBearer = await server.fetch(`${server.baseUrl}/account`, {
      headers: { authorization: `Bearer ${server.apiKey}` },
    })
    expect([viaHeader.status, viaBearer.status]).toEqual([200, 200])
    const missing = await server.fetch(`${server.baseUrl}/account`)
    expect([missing.status, ((await missing.json()) as { error: { code: string } }).error.code]).toEqual([
      401,
      'api_key_missing',
    ])
  })

  it('one key per integration; a read-only key cannot write', async () => {
    const op = admin
    // #region create-key
    const key = await op.apiKeys.create({ name: 'Data Warehouse Sync', mode: 'read_only' })
    key.secret // opk_… — shown this once; store it in your secret manager
    // #endregion create-key
    expect(key).toMatchObject({
      object: 'api_key',
      mode: 'read_only',
      status: 'active',
      prefix: key.secret.slice(0, 8),
      last4: key.secret.slice(-4),
    })
    expect(key.prefix).toMatch(/^opk_.{4}$/)
    expect((await op.apiKeys.get(key.id)) as object).not.toHaveProperty('secret')

    const warehouse = clientWith(key.secret)
    expect((await warehouse.customers.list()).data).toEqual([])
    await expect(warehouse.customers.create({ name: 'Ada' })).rejects.toSatisfy(
      (error) => error instanceof PermissionDeniedError && error.status === 403 && error.code === 'api_key_read_only',
    )

    const mobile = await op.apiKeys.create({ name: 'Mobile App Integration' })
    await op.apiKeys.revoke(mobile.id)
    await expect(clientWith(mobile.secret).account.get()).rejects.toSatisfy(
      (e) => e instanceof AuthenticationError && e.code === 'api_key_revoked',
    )
    expect((await warehouse.account.get()).object).toBe('account') // revoking one key never affects another
  })

  it('expires_at stops a key at a given time', async () => {
    const key = await admin.apiKeys.create({ name: 'Contractor', expires_at: '2026-11-27T11:00:00.000Z' })
    expect((await clientWith(key.secret).account.get()).object).toBe('account')
    await clock.advance(60 * 60 * 1000)
    await expect(clientWith(key.secret).account.get()).rejects.toSatisfy(
      (e) => e instanceof AuthenticationError && e.code === 'api_key_expired',
    )
  })

  it('rolling a key: the old secret keeps working for the overlap, then stops', async () => {
    const key = await admin.apiKeys.create({ name: 'Data Warehouse Sync' })
    const op = admin
    // #region roll
    const rolled = await op.apiKeys.roll(key.id, { expires_in_seconds: 3600 })
    // rolled.secret is the new secret; the old one keeps working for one hour
    // #endregion roll
    expect(rolled.id).toBe(key.id)
    expect(rolled.secret).not.toBe(key.secret)
    expect((await clientWith(key.secret).account.get()).object).toBe('account')
    expect((await clientWith(rolled.secret).account.get()).object).toBe('account')

    await clock.advance(3600 * 1000)
    await expect(clientWith(key.secret).account.get()).rejects.toSatisfy(
      (e) => e instanceof AuthenticationError && e.code === 'api_key_expired',
    )
    expect((await clientWith(rolled.secret).account.get()).object).toBe('account')

    const leaked = await op.apiKeys.roll(key.id) // default: the old secret stops at once
    await expect(clientWith(rolled.secret).account.get()).rejects.toSatisfy((e) => e instanceof AuthenticationError)
    expect((await clientWith(leaked.secret).account.get()).object).toBe('account')
  })

  it('a key can revoke itself', async () => {
    const key = await admin.apiKeys.create({ name: 'Old integration' })
    const self = clientWith(key.secret)
    expect((await self.apiKeys.revoke(key.id)).status).toBe('revoked')
    await expect(self.account.get()).rejects.toSatisfy(
      (e) => e instanceof AuthenticationError && e.code === 'api_key_revoked',
    )
  })

  it('the key never shows in the client description', () => {
    expect(String(admin)).not.toContain(server.apiKey)
    expect(JSON.stringify(admin)).not.toContain(server.apiKey)
  })
})
