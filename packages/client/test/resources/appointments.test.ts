import { describe, expect, it } from 'vitest'
import { ConflictError } from '../../src/index.js'
import { aBooking, aFieldworker, anAppointment, at } from '../helpers/fixtures.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('appointments (%s)', (door) => {
  const ctx = useServer(door)

  it('create, get, update, list', async () => {
    const [booking, fieldworker] = await Promise.all([aBooking(ctx.op), aFieldworker(ctx.op)])
    const created = await ctx.op.appointments.create({
      booking_id: booking.id,
      fieldworker_id: fieldworker.id,
      scheduled_start: at(1, 9),
      scheduled_end: at(1, 11),
    })
    expect(created).toMatchObject({
      object: 'appointment',
      booking_id: booking.id,
      fieldworker_id: fieldworker.id,
      status: 'scheduled',
      arrived_at: null,
    })
    expect(await ctx.op.appointments.get(created.id)).toEqual(created)
    const moved = await ctx.op.appointments.update(created.id, { scheduled_start: at(2, 9), scheduled_end: at(2, 11) })
    expect(moved).toMatchObject({ id: created.id, scheduled_start: at(2, 9), scheduled_end: at(2, 11) })
    expect((await ctx.op.appointments.list({ booking_id: booking.id, fieldworker_id: fieldworker.id })).data).toEqual([
      moved,
    ])
    expect((await ctx.op.appointments.list({ status: 'completed' })).data).toEqual([])
  })

  it('setStatus follows the status machine; arrive sets arrived_at', async () => {
    const appointment = await anAppointment(ctx.op)
    expect(await ctx.op.appointments.setStatus(appointment.id, { status: 'en_route' })).toMatchObject({
      status: 'en_route',
    })
    const arrived = await ctx.op.appointments.arrive(appointment.id)
    expect(arrived.status).toBe('arrived')
    expect(arrived.arrived_at).toEqual(expect.any(String))
    const completed = await ctx.op.appointments.setStatus(appointment.id, { status: 'completed' })
    expect(completed).toMatchObject({ status: 'completed', completed_at: expect.any(String) })
    const error = await ctx.op.appointments.setStatus(appointment.id, { status: 'en_route' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ status: 409, code: 'invalid_state_transition', type: 'conflict_error' })
  })
})
