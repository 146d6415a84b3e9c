import { describe, expect, it } from 'vitest'
import { aCustomer } from '../helpers/fixtures.js'
import { acceptingReceiver, doors, useServer } from '../helpers/server.js'

describe.each(doors)('webhookDeliveries (%s)', (door) => {
  const ctx = useServer(door, acceptingReceiver)

  it('get shows the attempts; redeliver queues a fresh one', async () => {
    const endpoint = await ctx.op.webhooks.create({
      name: 'CRM',
      url: 'https://crm.example.com/hooks',
      event_types: ['customer.created'],
    })
    const customer = await aCustomer(ctx.op)
    const first = await ctx.server.deliveries.waitFor({ type: 'customer.created', status: 'succeeded' })
    const delivery = await ctx.op.webhookDeliveries.get(first.id)
    expect(delivery).toMatchObject({
      object: 'webhook_delivery',
      endpoint_id: endpoint.id,
      event_type: 'customer.created',
      status: 'succeeded',
    })
    expect(delivery.attempts).toHaveLength(1)
    expect(delivery.attempts[0]).toMatchObject({ status_code: 204 })
    const event = await ctx.op.events.get(delivery.event_id)
    expect(event.data).toMatchObject({ id: customer.id })

    const queued = await ctx.op.webhookDeliveries.redeliver(delivery.id)
    expect(queued).toMatchObject({ id: delivery.id, status: 'pending' })
    await ctx.server.deliveries.idle()
    const again = await ctx.op.webhookDeliveries.get(delivery.id)
    expect(again.status).toBe('succeeded')
    expect(again.attempts).toHaveLength(2)
  })
})
