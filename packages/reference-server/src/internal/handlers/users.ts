import { User, type UserCreate, type UserUpdate } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { crudHandlers, ResourceStore } from './resource-store.js'

/** Staff users: plain CRUD. */
export const users = new ResourceStore<User, z.output<typeof UserCreate>, z.output<typeof UserUpdate>>({
  resource: 'users',
  kind: 'user',
  schema: User,
  events: { created: 'user.created', updated: 'user.updated', deleted: 'user.deleted' },
})

export const userHandlers = crudHandlers(users)
