import { eventCatalog } from '@octopuspro/contract'
import { describe, expect, it } from 'vitest'
import { BadRequestError } from '../../src/index.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('webhookEventTypes (%s)', (door) => {
  const ctx = useServer(door)

  it('lists the whole catalog', async () => {
    const all = await ctx.op.webhookEventTypes.list().toArray({ limit: 100 })
    expect(all.map((t) => t.type).sort()).toEqual(eventCatalog.map((e) => e.type).sort())
    expect(all[0]).toMatchObject({
      object: 'webhook_event_type',
      type: expect.any(String),
      name: expect.any(String),
      category: expect.any(String),
      description: expect.any(String),
    })
  })

  it('searches name, category and description; narrows by category', async () => {
    const payments = await ctx.op.webhookEventTypes.list({ search: 'PAYMENT' }).toArray({ limit: 100 })
    expect(payments.map((t) => t.type).sort()).toEqual([
      'payment.approved',
      'payment.created',
      'payment.refunded',
      'payment.rejected',
    ])
    const arrived = await ctx.op.webhookEventTypes
      .list({ search: 'arrived', category: 'APPOINTMENT' })
      .toArray({ limit: 100 })
    expect(arrived.map((t) => t.type)).toEqual(['appointment.fieldworker_arrived'])
    expect((await ctx.op.webhookEventTypes.list({ search: 'payment', category: 'CUSTOMER' })).data).toEqual([])
  })

  it('refuses an unknown category', async () => {
    await expect(ctx.op.webhookEventTypes.list({ category: 'BILLING' as 'PAYMENT' })).rejects.toBeInstanceOf(
      BadRequestError,
    )
  })
})
