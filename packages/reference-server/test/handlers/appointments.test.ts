import { AppointmentStatus, canTransitionAppointment } from '@octopuspro/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { expectError, expectRoute, setup } from '../helpers/api.js'
import { buildWorld } from '../helpers/world.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

const window = { scheduled_start: '2026-12-03T09:00:00.000Z', scheduled_end: '2026-12-03T11:00:00.000Z' }

async function start() {
  const clock = manualClock('2026-11-27T10:00:00.000Z')
  current = setup({ clock })
  const world = await buildWorld(current.api)
  const appointment = async () =>
    (
      await current.api('POST', '/v1/appointments', {
        body: { booking_id: world.booking.id, fieldworker_id: world.fieldworker.id, ...window },
      })
    ).body
  return { ...current, world, clock, appointment }
}

/** The status path from `scheduled` to each status, through legal moves. */
const pathTo: Record<string, string[]> = {
  scheduled: [],
  confirmed: ['confirmed'],
  en_route: ['en_route'],
  arrived: ['arrived'],
  in_progress: ['arrived', 'in_progress'],
  completed: ['arrived', 'completed'],
  cancelled: ['cancelled'],
  no_show: ['no_show'],
}

describe('appointments', () => {
  it('are created scheduled with no event; rescheduling emits nothing either', async () => {
    const { api, server, appointment } = await start()
    const before = server.events.list().length
    const created = await appointment()
    expect(created).toMatchObject({ status: 'scheduled', arrived_at: null, completed_at: null, ...window })
    const moved = expectRoute(
      'appointments.update',
      await api('PATCH', `/v1/appointments/${created.id}`, { body: { scheduled_end: '2026-12-03T12:00:00.000Z' } }),
    )
    expect(moved.scheduled_end).toBe('2026-12-03T12:00:00.000Z')
    expect(server.events.list()).toHaveLength(before)
  })

  it('need a user whose role is fieldworker (422), on create and on reassignment', async () => {
    const { api, world, appointment } = await start()
    expectError(
      await api('POST', '/v1/appointments', {
        body: { booking_id: world.booking.id, fieldworker_id: world.dispatcher.id, ...window },
      }),
      {
        status: 422,
        type: 'invalid_request_error',
        code: 'reference_invalid',
        param: 'fieldworker_id',
        message: 'role dispatcher; assign a user whose role is fieldworker',
      },
    )
    const created = await appointment()
    expectError(
      await api('PATCH', `/v1/appointments/${created.id}`, { body: { fieldworker_id: world.dispatcher.id } }),
      {
        status: 422,
        type: 'invalid_request_error',
        code: 'reference_invalid',
        param: 'fieldworker_id',
      },
    )
  })

  it('check scheduled_end > scheduled_start in the body and against the stored other end', async () => {
    const { api, world, appointment } = await start()
    expectError(
      await api('POST', '/v1/appointments', {
        body: {
          booking_id: world.booking.id,
          fieldworker_id: world.fieldworker.id,
          scheduled_start: window.scheduled_end,
          scheduled_end: window.scheduled_start,
        },
      }),
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param: 'scheduled_end',
        message: 'after scheduled_start',
      },
    )
    const created = await appointment()
    expectError(
      await api('PATCH', `/v1/appointments/${created.id}`, { body: { scheduled_start: '2026-12-03T12:00:00.000Z' } }),
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param: 'scheduled_start',
        message: 'must be after scheduled_start',
      },
    )
    expectError(
      await api('PATCH', `/v1/bookings/${world.booking.id}`, { body: { scheduled_end: '2026-12-03T08:00:00.000Z' } }),
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param: 'scheduled_end',
      },
    )
    expectError(await api('PATCH', `/v1/appointments/${created.id}`, { body: { status: 'confirmed' } }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'unknown_parameter',
      param: 'status',
    })
  })

  it('follow the status machine: every legal move passes, every other one is 409 and changes nothing', async () => {
    const { api, appointment } = await start()
    for (const from of AppointmentStatus.options) {
      for (const to of AppointmentStatus.options) {
        const created = await appointment()
        for (const step of pathTo[from]!)
          await api('POST', `/v1/appointments/${created.id}/status`, { body: { status: step } })
        const res = await api('POST', `/v1/appointments/${created.id}/status`, { body: { status: to } })
        if (canTransitionAppointment(from, to)) {
          expect([from, to, res.status, res.body.status]).toEqual([from, to, 200, to])
        } else {
          expectError(res, {
            status: 409,
            type: 'conflict_error',
            code: 'invalid_state_transition',
            param: 'status',
            message: `cannot move from ${from} to ${to}`,
          })
          expect((await api('GET', `/v1/appointments/${created.id}`)).body.status).toBe(from)
        }
      }
    }
  })

  it('arrive sets arrived_at, emits status_changed then fieldworker_arrived; completed sets completed_at', async () => {
    const { api, server, clock, appointment } = await start()
    const created = await appointment()
    await clock.set('2026-12-03T08:55:00.000Z')
    const before = server.events.list().length
    const arrived = expectRoute('appointments.arrive', await api('POST', `/v1/appointments/${created.id}/arrive`))
    expect(arrived).toMatchObject({
      status: 'arrived',
      arrived_at: '2026-12-03T08:55:00.000Z',
      updated_at: '2026-12-03T08:55:00.000Z',
    })
    const events = server.events.list().slice(before)
    expect(events.map((e) => [e.type, e.previous_attributes])).toEqual([
      ['appointment.status_changed', { status: 'scheduled', arrived_at: null, updated_at: created.updated_at }],
      ['appointment.fieldworker_arrived', undefined],
    ])
    expect(events[1]?.data).toEqual(arrived)
    await clock.advance(2 * 3600_000)
    const completed = expectRoute(
      'appointments.setStatus',
      await api('POST', `/v1/appointments/${created.id}/status`, { body: { status: 'completed' } }),
    )
    expect(completed).toMatchObject({
      status: 'completed',
      completed_at: '2026-12-03T10:55:00.000Z',
      arrived_at: '2026-12-03T08:55:00.000Z',
    })
    expect(server.events.list().at(-1)).toMatchObject({
      type: 'appointment.status_changed',
      previous_attributes: { status: 'arrived', completed_at: null },
    })
    expectError(await api('POST', `/v1/appointments/${created.id}/arrive`), {
      status: 409,
      type: 'conflict_error',
      code: 'invalid_state_transition',
      message: 'completed is final',
    })
  })

  it('have no delete (cancel with the status action)', async () => {
    const { api, appointment } = await start()
    const created = await appointment()
    const res = await api('DELETE', `/v1/appointments/${created.id}`)
    expectError(res, { status: 405, type: 'invalid_request_error', code: 'method_not_allowed' })
  })
})
