import type { RouteBody, RouteQuery } from '@octopuspro/contract'
import type * as z from 'zod/mini'

/**
 * The values a route takes, derived from its route-table entry: `id` when its path has `{id}`, `body` when it has
 * a body schema, an optional `query` when it has a query schema.
 *
 * @example
 * ```ts
 * type P = RouteParams<Routes['customers']['update']> // { id: string; body: CustomerUpdate }
 * ```
 */
export type RouteParams<R> = (R extends { id: infer S extends z.ZodMiniType } ? { id: z.output<S> } : unknown) &
  (R extends { body: z.ZodMiniType } ? { body: RouteBody<R> } : unknown) &
  (R extends { query: z.ZodMiniType } ? { query?: RouteQuery<R> | undefined } : unknown)
