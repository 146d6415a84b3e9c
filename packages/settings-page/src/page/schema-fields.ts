import type * as z from 'zod/mini'

/** One field of a contract object schema, as a form renders it. */
export interface SchemaField {
  key: string
  kind: 'text' | 'boolean' | 'list'
  optional: boolean
}

/**
 * The fields of a contract `strictObject` schema (an integration's credentials or settings), read from its
 * shape, so the forms follow the contract with nothing redefined here.
 *
 * @example
 * ```ts
 * schemaFields(integrationCatalog.mailchimp.credentials) // [{ key: 'api_key', kind: 'text', optional: false }, …]
 * ```
 */
export function schemaFields(schema: { shape: Record<string, z.ZodMiniType> }): SchemaField[] {
  return Object.entries(schema.shape).map(([key, type]) => {
    const optional = type._zod.def.type === 'optional'
    const inner = optional ? (type._zod.def as unknown as { innerType: z.ZodMiniType }).innerType : type
    const kind = inner._zod.def.type === 'boolean' ? 'boolean' : inner._zod.def.type === 'array' ? 'list' : 'text'
    return { key, kind, optional }
  })
}
