import type { OctopusPro } from '../client.js'
import { CrudResource } from '../core/crud-resource.js'

/**
 * Bookings: jobs for a customer, scheduled in time (`/v1/bookings`).
 *
 * @example
 * ```ts
 * for await (const booking of op.bookings.list({ status: 'confirmed' })) console.log(booking.scheduled_start)
 * ```
 */
export class BookingsResource extends CrudResource<'bookings'> {
  constructor(client: OctopusPro) {
    super(client, 'bookings')
  }
}
