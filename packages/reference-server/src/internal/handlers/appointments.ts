import {
  Appointment,
  type AppointmentCreate,
  type AppointmentUpdate,
  appointmentTransitions,
  canTransitionAppointment,
  type Routes,
} from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { APIError } from '../api-error.js'
import type { Call } from '../call.js'
import { crudHandlers, ResourceStore } from './resource-store.js'
import { assertScheduleValid } from './schedule.js'
import type { Handler } from './types.js'
import { users } from './users.js'

function assertFieldworker(call: Call, userId: string): void {
  const user = users.find(call, userId)
  if (user.role !== 'fieldworker') {
    throw new APIError(
      'reference_invalid',
      `fieldworker_id '${userId}' is a user with role ${user.role}; assign a user whose role is fieldworker`,
      { param: 'fieldworker_id' },
    )
  }
}

/** Appointments: created `scheduled`; creating and rescheduling emit nothing; status moves through the actions. */
export const appointments = new ResourceStore<
  Appointment,
  z.output<typeof AppointmentCreate>,
  z.output<typeof AppointmentUpdate>
>({
  resource: 'appointments',
  kind: 'appointment',
  schema: Appointment,
  validate: (body, call) => assertFieldworker(call, body.fieldworker_id),
  compute: () => ({ status: 'scheduled', arrived_at: null, completed_at: null }),
  amend: (next, _current, patch, call) => {
    if (patch.fieldworker_id !== undefined) assertFieldworker(call, patch.fieldworker_id)
    assertScheduleValid(next, patch)
    return next
  },
  events: {},
})

/**
 * Moves an appointment along the status machine (409 for an illegal move; `param` only when the status came in a
 * body); emits `appointment.status_changed`, and on arrival sets `arrived_at` and also emits
 * `appointment.fieldworker_arrived`.
 */
export function changeStatus(call: Call, id: string, status: Appointment['status'], fromBody = false): Appointment {
  const current = appointments.find(call, id)
  if (!canTransitionAppointment(current.status, status)) {
    const legal = appointmentTransitions[current.status]
    const onward =
      legal.length > 0 ? `from ${current.status} it can move to ${legal.join(', ')}` : `${current.status} is final`
    throw new APIError(
      'invalid_state_transition',
      `appointment '${id}' cannot move from ${current.status} to ${status}; ${onward}`,
      fromBody ? { param: 'status' } : {},
    )
  }
  const next: Appointment = { ...current, status }
  if (status === 'arrived') next.arrived_at = call.now
  if (status === 'completed') next.completed_at = call.now
  const saved = appointments.save(call, current, next, 'appointment.status_changed')
  if (status === 'arrived') call.emit('appointment.fieldworker_arrived', saved)
  return saved
}

const setStatus: Handler<Routes['appointments']['setStatus']> = ({ id, body, call }) =>
  changeStatus(call, id, body.status, true)
const arrive: Handler<Routes['appointments']['arrive']> = ({ id, call }) => changeStatus(call, id, 'arrived')

const { list, create, get, update } = crudHandlers(appointments)

export const appointmentHandlers = { list, create, get, update, setStatus, arrive }
