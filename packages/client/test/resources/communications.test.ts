import { describe, expect, it } from 'vitest'
import { aCustomer } from '../helpers/fixtures.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('communications (%s)', (door) => {
  const ctx = useServer(door)

  it('create, get, list; a missed inbound call emits communication.call_missed', async () => {
    const customer = await aCustomer(ctx.op)
    const call = await ctx.op.communications.create({
      channel: 'call',
      direction: 'inbound',
      call_status: 'missed',
      from: '+1 555 0142',
      to: '+1 555 0100',
      customer_id: customer.id,
    })
    expect(call).toMatchObject({
      object: 'communication',
      channel: 'call',
      direction: 'inbound',
      call_status: 'missed',
      customer_id: customer.id,
    })
    expect(await ctx.op.communications.get(call.id)).toEqual(call)
    const sms = await ctx.op.communications.create({
      channel: 'sms',
      direction: 'outbound',
      from: '+1 555 0100',
      to: '+1 555 0142',
      body: 'On our way',
    })
    expect((await ctx.op.communications.list({ channel: 'call' })).data).toEqual([call])
    expect((await ctx.op.communications.list({ direction: 'outbound' })).data).toEqual([sms])
    const events = await ctx.op.events.list({ type: 'communication.call_missed' }).toArray({ limit: 10 })
    expect(events.map((event) => event.data.id)).toEqual([call.id])
  })
})
