import { describe, expect, it } from 'vitest'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('account (%s)', (door) => {
  const ctx = useServer(door, {
    account: { name: 'Harbor Cleaning Co', plan: 'unlimited', timezone: 'America/New_York', currency: 'usd' },
  })

  it('get answers the account of the key', async () => {
    expect(await ctx.op.account.get()).toEqual({
      object: 'account',
      id: expect.stringMatching(/^acct_/),
      name: 'Harbor Cleaning Co',
      plan: 'unlimited',
      timezone: 'America/New_York',
      currency: 'usd',
    })
  })
})
