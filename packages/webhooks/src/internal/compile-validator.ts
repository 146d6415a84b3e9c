import type * as z from 'zod/mini'

/** A predicate over a parsed JSON value. */
export type Validator = (value: unknown) => boolean

// The parts of zod's internal definitions this compiler reads. Anything else makes the schema unsupported.
interface Def {
  type: string
  check?: string
  checks?: readonly z.core.$ZodCheck[]
  coerce?: boolean
  format?: string
  pattern?: RegExp
  minimum?: number
  maximum?: number
  length?: number
  value?: number
  inclusive?: boolean
  fn?: (value: unknown) => unknown
  innerType?: z.core.$ZodType
  element?: z.core.$ZodType
  shape?: Record<string, z.core.$ZodType>
  catchall?: z.core.$ZodType
  keyType?: z.core.$ZodType
  valueType?: z.core.$ZodType
}

class Unsupported extends Error {}

const PATTERN_FORMATS = new Set(['regex', 'datetime', 'date', 'email'])

function defOf(schema: z.core.$ZodType | z.core.$ZodCheck): Def {
  return schema._zod.def as unknown as Def
}

function every(validators: readonly Validator[]): Validator {
  if (validators.length === 1) return validators[0] as Validator
  return (value) => {
    for (const validate of validators) if (!validate(value)) return false
    return true
  }
}

function compileCheck(check: z.core.$ZodCheck | z.core.$ZodType): Validator {
  const def = defOf(check)
  switch (def.check) {
    case 'string_format': {
      const pattern = def.pattern
      if (!pattern || pattern.global || pattern.sticky || !PATTERN_FORMATS.has(def.format ?? '')) throw new Unsupported()
      return (value) => pattern.test(value as string)
    }
    case 'min_length':
      return (value) => (value as string).length >= (def.minimum as number)
    case 'max_length':
      return (value) => (value as string).length <= (def.maximum as number)
    case 'length_equals':
      return (value) => (value as string).length === def.length
    case 'greater_than':
      return def.inclusive ? (value) => (value as number) >= (def.value as number) : (value) => (value as number) > (def.value as number)
    case 'less_than':
      return def.inclusive ? (value) => (value as number) <= (def.value as number) : (value) => (value as number) < (def.value as number)
    case 'number_format':
      if (def.format === 'safeint') return (value) => Number.isSafeInteger(value)
      if (def.format === 'float64') return () => true
      throw new Unsupported()
    case 'custom': {
      const fn = def.fn as (value: unknown) => unknown
      return (value) => {
        const result = fn(value)
        return Boolean(result) && !(result instanceof Promise)
      }
    }
    default:
      throw new Unsupported()
  }
}

/** The type test, then every check of the schema (a string format schema is its own first check). */
function withChecks(schema: z.core.$ZodType, typeTest: Validator): Validator {
  const def = defOf(schema)
  const checks = [...(def.check ? [schema] : []), ...(def.checks ?? [])]
  return every([typeTest, ...checks.map(compileCheck)])
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function compileObject(schema: z.core.$ZodType, def: Def): Validator {
  const fields = Object.entries(def.shape ?? {}).map(([key, field]) => [key, compile(field)] as const)
  const strict = def.catchall !== undefined && defOf(def.catchall).type === 'never'
  if (def.catchall !== undefined && !strict) throw new Unsupported()
  const known = new Set(fields.map(([key]) => key))
  return withChecks(schema, (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
    const record = value as Record<string, unknown>
    for (const [key, validate] of fields) if (!validate(record[key])) return false
    if (strict) for (const key in record) if (!known.has(key)) return false
    return true
  })
}

function compileRecord(schema: z.core.$ZodType, def: Def): Validator {
  const keyType = def.keyType as z.core.$ZodType
  if (defOf(keyType).type !== 'string' || keyType._zod.values) throw new Unsupported()
  const validateKey = compile(keyType)
  const validateValue = compile(def.valueType as z.core.$ZodType)
  return withChecks(schema, (value) => {
    if (!isPlainObject(value)) return false
    for (const key in value) if (!validateKey(key) || !validateValue(value[key])) return false
    return true
  })
}

function compile(schema: z.core.$ZodType): Validator {
  const def = defOf(schema)
  if (def.coerce) throw new Unsupported()
  switch (def.type) {
    case 'string':
      return withChecks(schema, (value) => typeof value === 'string')
    case 'number':
      return withChecks(schema, (value) => typeof value === 'number' && Number.isFinite(value))
    case 'boolean':
      return withChecks(schema, (value) => typeof value === 'boolean')
    case 'unknown':
    case 'any':
      return withChecks(schema, () => true)
    case 'literal':
    case 'enum': {
      const values = schema._zod.values as ReadonlySet<unknown>
      return withChecks(schema, (value) => values.has(value))
    }
    case 'nullable': {
      const inner = compile(def.innerType as z.core.$ZodType)
      return (value) => value === null || inner(value)
    }
    case 'optional': {
      const inner = compile(def.innerType as z.core.$ZodType)
      return (value) => value === undefined || inner(value)
    }
    case 'default': {
      // Zod would fill a missing value in; accept only values it returns unchanged and leave filling to zod.
      const inner = compile(def.innerType as z.core.$ZodType)
      return (value) => value !== undefined && inner(value)
    }
    case 'array': {
      const element = compile(def.element as z.core.$ZodType)
      return withChecks(schema, (value) => {
        if (!Array.isArray(value)) return false
        for (let i = 0; i < value.length; i++) if (!element(value[i])) return false
        return true
      })
    }
    case 'object':
      return compileObject(schema, def)
    case 'record':
      return compileRecord(schema, def)
    default:
      throw new Unsupported()
  }
}

/**
 * Compiles a zod schema into a plain predicate, several times faster than parsing with zod (which also copies
 * the value), so verifying a delivery stays close to the cost of its HMAC. The predicate accepts a value only if
 * zod would accept it AND return it unchanged apart from stripping unknown keys (no default to fill in). When it
 * says no, the caller asks zod, for the issues or for the filled-in output. `undefined` when the schema uses
 * anything the compiler does not know (transforms, unions, …): then zod alone is used.
 */
export function compileValidator(schema: z.core.$ZodType): Validator | undefined {
  try {
    return compile(schema)
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
}
