import { integrationCatalog } from '@octopuspro/contract'
import { describe, expect, it } from 'vitest'
import { NotFoundError, PermissionDeniedError } from '../../src/index.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('integrations (%s)', (door) => {
  const ctx = useServer(door)

  it('list answers every built-in integration, disconnected', async () => {
    const all = await ctx.op.integrations.list({ limit: 100 }).toArray({ limit: 100 })
    expect(all.map((integration) => integration.id).sort()).toEqual(Object.keys(integrationCatalog).sort())
    expect(all.every((integration) => integration.status === 'disconnected')).toBe(true)
  })

  it('connect stores credentials write-only; get shows which; disconnect forgets them', async () => {
    const connected = await ctx.op.integrations.connect('mailchimp', {
      credentials: { api_key: 'abc-us1', audience_id: 'a1b2' },
      settings: { double_opt_in: true },
    })
    expect(connected).toMatchObject({ id: 'mailchimp', status: 'connected', settings: { double_opt_in: true } })
    expect(connected.credentials_set.sort()).toEqual(['api_key', 'audience_id'])
    expect(JSON.stringify(connected)).not.toContain('abc-us1')
    expect(await ctx.op.integrations.get('mailchimp')).toEqual(connected)
    const disconnected = await ctx.op.integrations.disconnect('mailchimp')
    expect(disconnected).toMatchObject({
      id: 'mailchimp',
      status: 'disconnected',
      connected_at: null,
      credentials_set: [],
    })
  })

  it('google_maps needs the unlimited plan', async () => {
    const error = await ctx.op.integrations
      .connect('google_maps', { credentials: { api_key: 'k' } })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PermissionDeniedError)
    expect(error).toMatchObject({ code: 'plan_required' })
  })

  it('an unknown integration is a 404', async () => {
    await expect(ctx.op.integrations.get('zapier' as 'mailchimp')).rejects.toBeInstanceOf(NotFoundError)
  })
})
