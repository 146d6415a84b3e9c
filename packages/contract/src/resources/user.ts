import * as z from 'zod/mini'
import { defineResource } from '../define-resource.js'
import { listQuery, QueryBool } from '../list.js'
import { Email, Phone, Text } from '../primitives.js'

/** The roles a staff user can have. @example `UserRole.parse('fieldworker')` */
export const UserRole = z.enum(['admin', 'manager', 'dispatcher', 'fieldworker', 'sales', 'accountant'])

const user = defineResource('user', 'user', {
  required: { name: Text(200), email: Email, role: UserRole },
  defaulted: { active: z.boolean() },
  defaults: { active: true },
  optional: { phone: Phone },
  computed: {},
})

/** A staff user (admin, dispatcher, fieldworker, …). @example `User.parse(body)` */
export const User = user.schema
/**
 * The body of `POST /v1/users`.
 *
 * @example `UserCreate.parse({ name: 'Sam', email: 'sam@example.com', role: 'fieldworker' })`
 */
export const UserCreate = user.create
/** The body of `PATCH /v1/users/{id}`. @example `UserUpdate.parse({ active: false })` */
export const UserUpdate = user.update
/** The query of `GET /v1/users`. @example `UserListQuery.parse({ role: 'fieldworker', active: 'true' })` */
export const UserListQuery = listQuery({ role: z.optional(UserRole), active: z.optional(QueryBool) })

/** A staff user. @example `const user: User = await op.users.get('usr_123')` */
export type User = z.output<typeof User>
/**
 * The body of a user create.
 *
 * @example `const body: UserCreate = { name: 'Sam Rivera', email: 'sam@example.com', role: 'fieldworker' }`
 */
export type UserCreate = z.input<typeof UserCreate>
/** The body of a user update. @example `const body: UserUpdate = { active: false }` */
export type UserUpdate = z.input<typeof UserUpdate>
