import { Complaint, type ComplaintCreate, type ComplaintUpdate } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { crudHandlers, ResourceStore } from './resource-store.js'

/** Complaints: plain CRUD with references to a customer, a booking and an assigned user. */
export const complaints = new ResourceStore<
  Complaint,
  z.output<typeof ComplaintCreate>,
  z.output<typeof ComplaintUpdate>
>({
  resource: 'complaints',
  kind: 'complaint',
  schema: Complaint,
  events: { created: 'complaint.created', updated: 'complaint.updated', deleted: 'complaint.deleted' },
})

export const complaintHandlers = crudHandlers(complaints)
