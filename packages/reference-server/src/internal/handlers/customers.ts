import { Customer, type CustomerCreate, type CustomerUpdate } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { crudHandlers, ResourceStore } from './resource-store.js'

/** Customers: plain CRUD; `email` matches case-insensitively and `tag` matches any of the tags. */
export const customers = new ResourceStore<Customer, z.output<typeof CustomerCreate>, z.output<typeof CustomerUpdate>>({
  resource: 'customers',
  kind: 'customer',
  schema: Customer,
  filters: {
    email: (customer, email: string) => customer.email?.toLowerCase() === email.toLowerCase(),
    tag: (customer, tag: string) => customer.tags.includes(tag),
  },
  events: { created: 'customer.created', updated: 'customer.updated', deleted: 'customer.deleted' },
})

export const customerHandlers = crudHandlers(customers)
