import { Inquiry, type InquiryCreate, type InquiryUpdate } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { crudHandlers, ResourceStore } from './resource-store.js'

/** Inquiries (leads): plain CRUD with references to a customer and an assigned user. */
export const inquiries = new ResourceStore<Inquiry, z.output<typeof InquiryCreate>, z.output<typeof InquiryUpdate>>({
  resource: 'inquiries',
  kind: 'inquiry',
  schema: Inquiry,
  events: { created: 'inquiry.created', updated: 'inquiry.updated', deleted: 'inquiry.deleted' },
})

export const inquiryHandlers = crudHandlers(inquiries)
