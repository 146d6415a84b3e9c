import * as z from 'zod/mini'
import type { IdKind } from './id-prefixes.js'
import { Id, Metadata, Timestamp } from './primitives.js'

type Shape = z.core.$ZodShape
type NullableShape<S extends Shape> = { [K in keyof S]: z.ZodMiniNullable<S[K]> }
type OptionalShape<S extends Shape> = { [K in keyof S]: z.ZodMiniOptional<S[K]> }
type OptionalNullableShape<S extends Shape> = { [K in keyof S]: z.ZodMiniOptional<z.ZodMiniNullable<S[K]>> }
type DefaultShape<S extends Shape> = { [K in keyof S]: z.ZodMiniDefault<S[K]> }

function mapShape<S extends Shape, R>(shape: S, wrap: (schema: S[keyof S], key: keyof S) => R): { [K in keyof S]: R } {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, wrap(schema as S[keyof S], key)])) as {
    [K in keyof S]: R
  }
}

/** The fields of a resource, by how they behave on create, update and read. */
export interface ResourceFields<R extends Shape, D extends Shape, O extends Shape, C extends Shape> {
  /** Required on create; always present. */
  required: R
  /** Optional on create (the default applies); always present. */
  defaulted: D
  /** The defaults of `defaulted`. */
  defaults: { [K in keyof D]: z.output<D[K]> }
  /** Optional on create; `null` when unset; `null` in an update clears it. */
  optional: O
  /** Set by the server only; read-only. */
  computed: C
}

/**
 * Builds the three schemas of a writable resource from one field list: the object as the API returns it, the
 * strict create body and the strict partial update body. Every object gets `id`, `object`, `metadata`,
 * `created_at` and `updated_at`.
 *
 * @example
 * ```ts
 * const tag = defineResource('customer', 'customer', {
 *   required: { name: Text(200) }, defaulted: {}, defaults: {}, optional: {}, computed: {},
 * })
 * tag.create.parse({ name: 'Ada' })
 * ```
 */
export function defineResource<
  T extends string,
  K extends IdKind,
  R extends Shape,
  D extends Shape,
  O extends Shape,
  C extends Shape,
>(object: T, kind: K, fields: ResourceFields<R, D, O, C>) {
  const nullable = mapShape(fields.optional, (s) => z.nullable(s)) as NullableShape<O>
  const schema = z.object({
    id: Id(kind),
    object: z.literal(object),
    ...fields.required,
    ...(fields.defaulted as D),
    ...nullable,
    ...fields.computed,
    metadata: Metadata,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  const create = z.strictObject({
    ...fields.required,
    ...(mapShape(fields.defaulted, (s, key) => z._default(s, fields.defaults[key] as never)) as DefaultShape<D>),
    ...(mapShape(fields.optional, (s) => z.optional(s)) as OptionalShape<O>),
    metadata: z.optional(Metadata),
  })
  const update = z.strictObject({
    ...(mapShape(fields.required, (s) => z.optional(s)) as OptionalShape<R>),
    ...(mapShape(fields.defaulted, (s) => z.optional(s)) as OptionalShape<D>),
    ...(mapShape(fields.optional, (s) => z.optional(z.nullable(s))) as OptionalNullableShape<O>),
    metadata: z.optional(Metadata),
  })
  return { schema, create, update }
}
