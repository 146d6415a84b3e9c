import { describe, expect, it } from 'vitest'
import { BadRequestError, NotFoundError } from '../../src/index.js'
import { acceptingReceiver, doors, useServer } from '../helpers/server.js'

const url = 'https://receiver.example.com/webhooks'

describe.each(doors)('webhooks (%s)', (door) => {
  const ctx = useServer(door, acceptingReceiver)

  it('create (with its secret), get, update, list, delete', async () => {
    const created = await ctx.op.webhooks.create({
      name: 'Orders',
      url,
      event_types: ['booking.created', 'payment.approved'],
    })
    expect(created).toMatchObject({
      object: 'webhook_endpoint',
      name: 'Orders',
      url,
      event_types: ['booking.created', 'payment.approved'],
      active: true,
    })
    expect(created.secret).toMatch(/^whsec_/)
    const { secret, ...endpoint } = created
    expect(await ctx.op.webhooks.get(created.id)).toEqual(endpoint)
    const updated = await ctx.op.webhooks.update(created.id, { active: false, event_types: ['*'] })
    expect(updated).toMatchObject({ id: created.id, active: false, event_types: ['*'] })
    expect((await ctx.op.webhooks.list()).data).toEqual([updated])
    expect(await ctx.op.webhooks.delete(created.id)).toEqual({
      id: created.id,
      object: 'webhook_endpoint',
      deleted: true,
    })
    await expect(ctx.op.webhooks.get(created.id)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('refuses unknown event types, naming them', async () => {
    const error = await ctx.op.webhooks
      .create({ name: 'Typo', url, event_types: ['booking.creatd' as 'booking.created'] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as Error).message).toContain('booking.creatd')
  })

  it('getSecret and rotateSecret: both secrets during the overlap', async () => {
    const created = await ctx.op.webhooks.create({ name: 'Orders', url, event_types: ['*'] })
    expect(await ctx.op.webhooks.getSecret(created.id)).toMatchObject({
      object: 'webhook_endpoint_secret',
      endpoint_id: created.id,
      secret: created.secret,
      previous_secret: null,
    })
    const rotated = await ctx.op.webhooks.rotateSecret(created.id, { expires_in_seconds: 3_600 })
    expect(rotated.secret).not.toBe(created.secret)
    expect(await ctx.op.webhooks.getSecret(created.id)).toMatchObject({
      secret: rotated.secret,
      previous_secret: created.secret,
      previous_secret_expires_at: expect.any(String),
    })
    const immediate = await ctx.op.webhooks.rotateSecret(created.id)
    expect(await ctx.op.webhooks.getSecret(created.id)).toMatchObject({ secret: immediate.secret })
  })

  it('sendTest delivers a sample event; listDeliveries shows it', async () => {
    const endpoint = await ctx.op.webhooks.create({ name: 'Orders', url, event_types: ['payment.approved'] })
    const event = await ctx.op.webhooks.sendTest(endpoint.id, { event_type: 'payment.approved' })
    expect(event).toMatchObject({ object: 'event', type: 'payment.approved', test: true })
    const delivery = await ctx.server.deliveries.waitFor({ eventId: event.id, status: 'succeeded' })
    const listed = await ctx.op.webhooks.listDeliveries(endpoint.id).toArray({ limit: 10 })
    expect(listed.map((d) => d.id)).toEqual([delivery.id])
    expect(listed[0]).toMatchObject({
      object: 'webhook_delivery',
      endpoint_id: endpoint.id,
      event_id: event.id,
      event_type: 'payment.approved',
      status: 'succeeded',
    })
    expect((await ctx.op.webhooks.listDeliveries(endpoint.id, { status: 'failed' })).data).toEqual([])
  })
})
