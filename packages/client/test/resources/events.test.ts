import { describe, expect, it } from 'vitest'
import { NotFoundError } from '../../src/index.js'
import { aCustomer } from '../helpers/fixtures.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('events (%s)', (door) => {
  const ctx = useServer(door)

  it('list filters by type, oldest first; get answers one event', async () => {
    const ada = await aCustomer(ctx.op)
    await ctx.op.customers.update(ada.id, { company: 'Analytical Engines' })
    const grace = await aCustomer(ctx.op)
    const created = await ctx.op.events.list({ type: 'customer.created' }).toArray({ limit: 10 })
    expect(created.map((event) => event.data.id)).toEqual([ada.id, grace.id])
    const [updated] = await ctx.op.events.list({ type: 'customer.updated' }).toArray({ limit: 10 })
    expect(updated).toMatchObject({
      object: 'event',
      type: 'customer.updated',
      data: { id: ada.id, company: 'Analytical Engines' },
      previous_attributes: { company: null },
    })
    const event = await ctx.op.events.get(updated!.id)
    expect(event).toEqual(updated)
    if (event.type === 'customer.updated') expect(event.data.company).toBe('Analytical Engines')
    await expect(ctx.op.events.get('evt_missing')).rejects.toBeInstanceOf(NotFoundError)
  })

  it('created_after keeps later events only', async () => {
    await aCustomer(ctx.op)
    const all = await ctx.op.events.list().toArray({ limit: 100 })
    const after = await ctx.op.events.list({ created_after: all.at(-1)!.timestamp }).toArray({ limit: 100 })
    expect(after.every((event) => event.timestamp > all.at(-1)!.timestamp)).toBe(true)
  })
})
