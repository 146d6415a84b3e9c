import * as z from 'zod/mini'
import { Timestamp } from './primitives.js'

/**
 * A list page: `{ object: 'list', data, has_more, next_cursor }`. `next_cursor` is the id to pass as
 * `starting_after` for the next page, or `null` on the last one.
 *
 * @example
 * ```ts
 * const CustomerList = ListEnvelope(Customer)
 * ```
 */
export function ListEnvelope<T extends z.core.$ZodType>(item: T) {
  return z.object({
    object: z.literal('list'),
    data: z.array(item),
    has_more: z.boolean(),
    next_cursor: z.nullable(z.string()),
  })
}

/**
 * The shape of every list page, whatever its item type.
 *
 * @example `const page = (await response.json()) as ListPage<Customer>`
 */
export interface ListPage<T> {
  object: 'list'
  data: T[]
  has_more: boolean
  next_cursor: string | null
}

// A position, not a lookup: any object id (`cus_…`) or integration id (`google_maps`).
const cursor = z.string().check(z.regex(/^[a-z][A-Za-z0-9_]{0,99}$/, 'must be an object id such as cus_…'))

/** A query-string integer, coerced from its string form. @example `const limit = QueryInt(1, 100).parse('50') // 50` */
export function QueryInt(min: number, max: number) {
  return z.coerce
    .number({ error: `must be an integer from ${min} to ${max}` })
    .check(
      z.int({ error: `must be an integer from ${min} to ${max}` }),
      z.gte(min, `must be an integer from ${min} to ${max}`),
      z.lte(max, `must be an integer from ${min} to ${max}`),
    )
}

/** A query-string boolean: `true`/`false` (also `1`/`0`). @example `QueryBool.parse('true') // true` */
export const QueryBool = z.stringbool({
  truthy: ['true', '1'],
  falsy: ['false', '0'],
  error: "must be 'true' or 'false'",
})

/**
 * The query parameters every list accepts: `limit` (1–100, default 20), `starting_after` / `ending_before`
 * (cursors: object ids, which keep working after the object is deleted), and creation/update time windows.
 *
 * @example
 * ```ts
 * ListQuery.parse({ limit: '50', created_after: '2026-11-01T00:00:00.000Z' })
 * ```
 */
export const listQueryShape = {
  limit: z.optional(QueryInt(1, 100)),
  starting_after: z.optional(cursor),
  ending_before: z.optional(cursor),
  created_after: z.optional(Timestamp),
  created_before: z.optional(Timestamp),
  updated_after: z.optional(Timestamp),
}

/** The list query with no resource filters. @example `ListQuery.parse({ limit: '10' })` */
export const ListQuery = z.strictObject(listQueryShape)

/**
 * A list query: the common parameters plus a resource's own filters. Strict, so a misspelt filter is an error
 * instead of being ignored.
 *
 * @example
 * ```ts
 * const CustomerListQuery = listQuery({ email: z.optional(Email) })
 * ```
 */
export function listQuery<S extends z.core.$ZodShape>(filters: S) {
  return z.strictObject({ ...listQueryShape, ...filters })
}
