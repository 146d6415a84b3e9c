import { APIError } from '../api-error.js'
import type { Call } from '../call.js'
import { labels } from '../labels.js'
import type { ResourceName, State } from '../state.js'

/** Every `*_id` field of every resource and the collection it must name (wire contract §2: references must exist). */
export const referenceFields: { readonly [R in ResourceName]: Readonly<Record<string, ResourceName>> } = {
  customers: {},
  users: {},
  inquiries: { customer_id: 'customers', assigned_user_id: 'users' },
  quotes: { customer_id: 'customers', inquiry_id: 'inquiries' },
  bookings: { customer_id: 'customers', quote_id: 'quotes', assigned_user_ids: 'users' },
  appointments: { booking_id: 'bookings', fieldworker_id: 'users' },
  invoices: { customer_id: 'customers', booking_id: 'bookings' },
  payments: { customer_id: 'customers', invoice_id: 'invoices' },
  complaints: { customer_id: 'customers', booking_id: 'bookings', assigned_user_id: 'users' },
  communications: { customer_id: 'customers', user_id: 'users' },
}

function idsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[]
  return typeof value === 'string' ? [value] : []
}

/** Throws `422 reference_invalid` for the first reference in `values` that names no object. */
export function checkReferences(state: State, resource: ResourceName, values: Readonly<Record<string, unknown>>): void {
  for (const [field, target] of Object.entries(referenceFields[resource])) {
    for (const id of idsOf(values[field])) {
      if (!state.resources[target].has(id)) {
        throw new APIError(
          'reference_invalid',
          `${field} '${id}' does not exist; create the ${labels[target]} first or check the id (GET /v1/${target})`,
          { param: field },
        )
      }
    }
  }
}

/** The first object (in table order) that references `id` of `target`, with the field that does. */
export function findReferrer(
  state: State,
  target: ResourceName,
  id: string,
): { resource: ResourceName; id: string; field: string } | undefined {
  for (const [resource, fields] of Object.entries(referenceFields) as [ResourceName, Record<string, ResourceName>][]) {
    for (const [field, pointsAt] of Object.entries(fields)) {
      if (pointsAt !== target) continue
      const referrer = (
        state.resources[resource] as { find(p: (o: object) => boolean): { id: string } | undefined }
      ).find((object) => idsOf((object as Record<string, unknown>)[field]).includes(id))
      if (referrer) return { resource, id: referrer.id, field }
    }
  }
  return undefined
}

/** Throws `409 resource_in_use` naming one referrer when another object references the one being deleted. */
export function assertNotReferenced(call: Call, target: ResourceName, id: string): void {
  const referrer = findReferrer(call.state, target, id)
  if (!referrer) return
  const label = labels[referrer.resource]
  throw new APIError(
    'resource_in_use',
    `${labels[target]} '${id}' is referenced by ${label} '${referrer.id}' (${referrer.field}); delete that ${label} ` +
      `or point it elsewhere first`,
  )
}
