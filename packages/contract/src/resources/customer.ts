import * as z from 'zod/mini'
import { defineResource } from '../define-resource.js'
import { listQuery } from '../list.js'
import { Address, Email, Phone, Text } from '../primitives.js'

const customer = defineResource('customer', 'customer', {
  required: { name: Text(200) },
  defaulted: { tags: z.array(Text(50)).check(z.maxLength(50, 'must have at most 50 tags')) },
  defaults: { tags: [] },
  optional: { email: Email, phone: Phone, company: Text(200), address: Address, notes: Text(5000) },
  computed: {},
})

/** A customer: a person or business you serve. @example `Customer.parse(await res.json())` */
export const Customer = customer.schema
/** The body of `POST /v1/customers`. @example `CustomerCreate.parse({ name: 'Ada Lovelace' })` */
export const CustomerCreate = customer.create
/**
 * The body of `PATCH /v1/customers/{id}`; `null` clears an optional field.
 *
 * @example `CustomerUpdate.parse({ phone: null })`
 */
export const CustomerUpdate = customer.update
/** The query of `GET /v1/customers`. @example `CustomerListQuery.parse({ tag: 'vip' })` */
export const CustomerListQuery = listQuery({ email: z.optional(Email), tag: z.optional(Text(50)) })

/** A customer. @example `const customer: Customer = await op.customers.get('cus_123')` */
export type Customer = z.output<typeof Customer>
/**
 * The body of a customer create.
 *
 * @example `const body: CustomerCreate = { name: 'Ada Lovelace', email: 'ada@example.com' }`
 */
export type CustomerCreate = z.input<typeof CustomerCreate>
/** The body of a customer update. @example `const body: CustomerUpdate = { phone: null, tags: ['vip'] }` */
export type CustomerUpdate = z.input<typeof CustomerUpdate>
