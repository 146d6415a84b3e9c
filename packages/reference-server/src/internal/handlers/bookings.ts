import { Booking, type BookingCreate, type BookingUpdate } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { crudHandlers, ResourceStore } from './resource-store.js'
import { assertScheduleValid } from './schedule.js'

/** Bookings: the schedule must end after it starts, also when a PATCH moves one end only. */
export const bookings = new ResourceStore<Booking, z.output<typeof BookingCreate>, z.output<typeof BookingUpdate>>({
  resource: 'bookings',
  kind: 'booking',
  schema: Booking,
  amend: (next, _current, patch) => {
    assertScheduleValid(next, patch)
    return next
  },
  filters: {
    scheduled_after: (booking, at: string) => Date.parse(booking.scheduled_start) > Date.parse(at),
    scheduled_before: (booking, at: string) => Date.parse(booking.scheduled_start) < Date.parse(at),
  },
  events: { created: 'booking.created', updated: 'booking.updated', deleted: 'booking.deleted' },
})

export const bookingHandlers = crudHandlers(bookings)
