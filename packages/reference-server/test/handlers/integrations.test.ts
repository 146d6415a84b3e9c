import { integrationCatalog } from '@octopuspro/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { expectError, expectRoute, setup } from '../helpers/api.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

describe('integrations', () => {
  it('lists the built-in integrations, all disconnected at first', async () => {
    current = setup()
    const list = expectRoute('integrations.list', await current.api('GET', '/v1/integrations'))
    expect(list.data.map((i: { id: string }) => i.id)).toEqual(Object.keys(integrationCatalog).sort())
    expect(
      list.data.every(
        (i: { status: string; credentials_set: string[] }) =>
          i.status === 'disconnected' && i.credentials_set.length === 0,
      ),
    ).toBe(true)
    expect(list.has_more).toBe(false)
  })

  it('connects with the integration’s own credentials; credentials are never returned, only their names', async () => {
    current = setup({ clock: manualClock('2026-11-27T10:00:00.000Z') })
    const { api } = current
    const connected = expectRoute(
      'integrations.connect',
      await api('PUT', '/v1/integrations/authorize_net', {
        body: {
          credentials: { api_login_id: 'login-123', transaction_key: 'super-secret-key' },
          settings: { sandbox: true },
        },
      }),
    )
    expect(connected).toEqual({
      id: 'authorize_net',
      object: 'integration',
      name: 'Authorize.net',
      category: 'payments',
      status: 'connected',
      required_plan: null,
      connected_at: '2026-11-27T10:00:00.000Z',
      settings: { sandbox: true },
      credentials_set: ['api_login_id', 'transaction_key'],
    })
    const text = (await api('GET', '/v1/integrations/authorize_net')).text + (await api('GET', '/v1/integrations')).text
    expect(text).not.toContain('super-secret-key')
    expect(text).not.toContain('login-123')
  })

  it('validates credentials and settings against that integration (400 naming the field)', async () => {
    current = setup()
    const { api } = current
    expectError(await api('PUT', '/v1/integrations/mailchimp', { body: { credentials: { api_key: 'abc-us1' } } }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param: 'credentials.audience_id',
      message: 'credentials.audience_id is required',
    })
    expectError(
      await api('PUT', '/v1/integrations/mailchimp', {
        body: { credentials: { api_key: 'abc', audience_id: 'a1', password: 'x' } },
      }),
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'unknown_parameter',
        param: 'credentials.password',
      },
    )
    expectError(
      await api('PUT', '/v1/integrations/tap', {
        body: { credentials: { secret_key: 'sk' }, settings: { sandbox: 'yes' } },
      }),
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param: 'settings.sandbox',
      },
    )
    expect((await api('GET', '/v1/integrations/mailchimp')).body.status).toBe('disconnected')
  })

  it('google_maps needs the unlimited plan (403 plan_required)', async () => {
    current = setup({ account: { plan: 'growth' } })
    expectError(
      await current.api('PUT', '/v1/integrations/google_maps', { body: { credentials: { api_key: 'AIza' } } }),
      {
        status: 403,
        type: 'permission_error',
        code: 'plan_required',
        message: 'needs the unlimited plan; this account is on the growth plan',
      },
    )
    await current.close()
    current = setup({ account: { plan: 'unlimited' } })
    expect(
      (await current.api('PUT', '/v1/integrations/google_maps', { body: { credentials: { api_key: 'AIza' } } })).body
        .status,
    ).toBe('connected')
  })

  it('re-keying keeps connected_at and settings; DELETE disconnects and forgets the credentials', async () => {
    const clock = manualClock('2026-11-27T10:00:00.000Z')
    current = setup({ clock })
    const { api } = current
    await api('PUT', '/v1/integrations/wepay', {
      body: { credentials: { account_id: '1', access_token: 'old' }, settings: { sandbox: true } },
    })
    await clock.advance(60_000)
    const rekeyed = (
      await api('PUT', '/v1/integrations/wepay', { body: { credentials: { account_id: '1', access_token: 'new' } } })
    ).body
    expect(rekeyed).toMatchObject({ connected_at: '2026-11-27T10:00:00.000Z', settings: { sandbox: true } })
    const disconnected = expectRoute('integrations.disconnect', await api('DELETE', '/v1/integrations/wepay'))
    expect(disconnected).toMatchObject({
      status: 'disconnected',
      connected_at: null,
      settings: {},
      credentials_set: [],
    })
  })
})
