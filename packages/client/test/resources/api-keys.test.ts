import { describe, expect, it } from 'vitest'
import { AuthenticationError, PermissionDeniedError } from '../../src/index.js'
import { clientOf, doors, useServer } from '../helpers/server.js'

describe.each(doors)('apiKeys (%s)', (door) => {
  const ctx = useServer(door)
  const withKey = (apiKey: string) => clientOf(ctx.server, door, { apiKey, maxRetries: 0 })

  it('create shows the secret once; get, list and update never do', async () => {
    const created = await ctx.op.apiKeys.create({ name: 'Zapier', mode: 'read_only' })
    expect(created).toMatchObject({ object: 'api_key', name: 'Zapier', mode: 'read_only', status: 'active' })
    expect(created.secret).toMatch(/^opk_[0-9A-Za-z]{40}$/)
    expect(created.prefix).toBe(created.secret.slice(0, 8))
    expect(created.last4).toBe(created.secret.slice(-4))
    const { secret, ...stored } = created
    const fetched = await ctx.op.apiKeys.get(created.id)
    expect(fetched).not.toHaveProperty('secret')
    expect(fetched).toEqual({ ...stored, last_used_at: fetched.last_used_at })
    const renamed = await ctx.op.apiKeys.update(created.id, { name: 'Zapier (prod)' })
    expect(renamed).toMatchObject({ id: created.id, name: 'Zapier (prod)' })
    const listed = await ctx.op.apiKeys.list().toArray({ limit: 100 })
    expect(listed.map((key) => key.id)).toContain(created.id)
    expect(listed.every((key) => !('secret' in key))).toBe(true)
  })

  it('a read-only key reads but cannot write', async () => {
    const { secret } = await ctx.op.apiKeys.create({ name: 'Reports', mode: 'read_only' })
    const readOnly = withKey(secret)
    expect((await readOnly.account.get()).object).toBe('account')
    const error = await readOnly.customers.create({ name: 'Ada' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PermissionDeniedError)
    expect(error).toMatchObject({ status: 403, code: 'api_key_read_only' })
  })

  it('roll gives a new secret and retires the old one; revoke stops the key', async () => {
    const created = await ctx.op.apiKeys.create({ name: 'Mailchimp sync' })
    const rolled = await ctx.op.apiKeys.roll(created.id)
    expect(rolled.id).toBe(created.id)
    expect(rolled.secret).not.toBe(created.secret)
    await expect(withKey(created.secret).account.get()).rejects.toBeInstanceOf(AuthenticationError)
    expect((await withKey(rolled.secret).account.get()).object).toBe('account')

    expect(await ctx.op.apiKeys.revoke(created.id)).toMatchObject({ id: created.id, status: 'revoked' })
    const error = await withKey(rolled.secret)
      .account.get()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error).toMatchObject({ status: 401, code: 'api_key_revoked' })
    expect((await ctx.op.account.get()).object).toBe('account')
  })

  it('roll with an overlap keeps the old secret working for now', async () => {
    const created = await ctx.op.apiKeys.create({ name: 'Overlap' })
    const rolled = await ctx.op.apiKeys.roll(created.id, { expires_in_seconds: 3_600 })
    expect((await withKey(created.secret).account.get()).object).toBe('account')
    expect((await withKey(rolled.secret).account.get()).object).toBe('account')
  })
})
