import * as z from 'zod/mini'
import { defineResource } from '../define-resource.js'
import { listQuery } from '../list.js'
import { Id, Timestamp } from '../primitives.js'
import { endAfterStart } from './schedule.js'

/** The stages of an appointment. @example `AppointmentStatus.parse('en_route')` */
export const AppointmentStatus = z.enum([
  'scheduled',
  'confirmed',
  'en_route',
  'arrived',
  'in_progress',
  'completed',
  'cancelled',
  'no_show',
])
/** An appointment status. @example `const status: AppointmentStatus = 'arrived'` */
export type AppointmentStatus = z.output<typeof AppointmentStatus>

/**
 * The legal moves of the appointment status machine (wire contract §2). `completed`, `cancelled` and `no_show` are
 * final.
 *
 * @example
 * ```ts
 * appointmentTransitions.scheduled.includes('confirmed') // true
 * ```
 */
export const appointmentTransitions: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  scheduled: ['confirmed', 'en_route', 'arrived', 'cancelled', 'no_show'],
  confirmed: ['en_route', 'arrived', 'cancelled', 'no_show'],
  en_route: ['arrived', 'cancelled'],
  arrived: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
  no_show: [],
}

/**
 * Whether an appointment may move from one status to another.
 *
 * @example
 * ```ts
 * canTransitionAppointment('completed', 'scheduled') // false
 * ```
 */
export function canTransitionAppointment(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return appointmentTransitions[from].includes(to)
}

const appointment = defineResource('appointment', 'appointment', {
  required: {
    booking_id: Id('booking'),
    fieldworker_id: Id('user'),
    scheduled_start: Timestamp,
    scheduled_end: Timestamp,
  },
  defaulted: {},
  defaults: {},
  optional: {},
  computed: { status: AppointmentStatus, arrived_at: z.nullable(Timestamp), completed_at: z.nullable(Timestamp) },
})

/** An appointment: one fieldworker's visit for a booking. @example `Appointment.parse(body)` */
export const Appointment = appointment.schema
/**
 * The body of `POST /v1/appointments`; the appointment starts `scheduled`.
 *
 * @example
 * ```ts
 * AppointmentCreate.parse({
 *   booking_id: 'bkg_1',
 *   fieldworker_id: 'usr_1',
 *   scheduled_start: '2026-12-01T09:00:00.000Z',
 *   scheduled_end: '2026-12-01T10:00:00.000Z',
 * })
 * ```
 */
export const AppointmentCreate = appointment.create.check(endAfterStart)
/**
 * The body of `PATCH /v1/appointments/{id}`: schedule and fieldworker only (status moves through the actions).
 *
 * @example `AppointmentUpdate.parse({ fieldworker_id: 'usr_2' })`
 */
export const AppointmentUpdate = z.omit(appointment.update, { booking_id: true }).check(endAfterStart)
/**
 * The body of `POST /v1/appointments/{id}/status`.
 *
 * @example `AppointmentStatusChange.parse({ status: 'confirmed' })`
 */
export const AppointmentStatusChange = z.strictObject({ status: AppointmentStatus })
/** The query of `GET /v1/appointments`. @example `AppointmentListQuery.parse({ fieldworker_id: 'usr_1' })` */
export const AppointmentListQuery = listQuery({
  status: z.optional(AppointmentStatus),
  booking_id: z.optional(Id('booking')),
  fieldworker_id: z.optional(Id('user')),
})

/** An appointment. @example `const appointment: Appointment = await op.appointments.get('apt_123')` */
export type Appointment = z.output<typeof Appointment>
/**
 * The body of an appointment create.
 *
 * @example
 * ```ts
 * const body: AppointmentCreate = {
 *   booking_id: 'bkg_123',
 *   fieldworker_id: 'usr_123',
 *   scheduled_start: '2026-12-01T09:00:00.000Z',
 *   scheduled_end: '2026-12-01T11:00:00.000Z',
 * }
 * ```
 */
export type AppointmentCreate = z.input<typeof AppointmentCreate>
/**
 * The body of an appointment update.
 *
 * @example
 * ```ts
 * const body: AppointmentUpdate = {
 *   scheduled_start: '2026-12-02T09:00:00.000Z',
 *   scheduled_end: '2026-12-02T11:00:00.000Z',
 * }
 * ```
 */
export type AppointmentUpdate = z.input<typeof AppointmentUpdate>
/** The body of an appointment status change. @example `const body: AppointmentStatusChange = { status: 'en_route' }` */
export type AppointmentStatusChange = z.input<typeof AppointmentStatusChange>
