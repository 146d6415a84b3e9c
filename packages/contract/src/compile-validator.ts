import type * as z from 'zod/mini'
import { util } from 'zod/v4/core'

/** A predicate over a parsed JSON value. */
export type Validator = (value: unknown) => boolean

// The parts of zod's internal definitions this compiler reads. Anything else makes the schema unsupported. zod
// does not promise to keep them, so it is pinned exactly and test/zod-internals.test.ts checks these shapes.
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

/** Whether a refinement's result passes: truthy, and not a promise (an async refinement cannot be checked here). */
function passes(result: unknown): boolean {
  return Boolean(result) && !(result instanceof Promise)
}

function defOf(schema: z.core.$ZodType | z.core.$ZodCheck): Def {
  return schema._zod.def as unknown as Def
}

/**
 * Generates the source of one predicate: an expression per schema node, and a helper function per object, array
 * and record (they need a loop or a local). Regexes, sets and refinement functions are passed in `c`.
 */
class Generator {
  readonly constants: unknown[] = []
  readonly helpers: string[] = []

  constructor(readonly keepUnknownKeys: boolean) {}

  constant(value: unknown): string {
    this.constants.push(value)
    return `c[${this.constants.length - 1}]`
  }

  helper(params: string, body: string): string {
    const name = `h${this.helpers.length}`
    this.helpers.push(`function ${name}(${params}) {\n${body}\n}`)
    return name
  }

  /** A boolean expression that is true when `x` (an expression without side effects) is valid. */
  expression(schema: z.core.$ZodType, x: string): string {
    const def = defOf(schema)
    if (def.coerce) throw new Unsupported()
    switch (def.type) {
      case 'string':
        return this.withChecks(schema, `typeof ${x} === "string"`, x)
      case 'number':
        return this.withChecks(schema, `typeof ${x} === "number" && Number.isFinite(${x})`, x)
      case 'boolean':
        return this.withChecks(schema, `typeof ${x} === "boolean"`, x)
      case 'unknown':
      case 'any':
        return this.withChecks(schema, 'true', x)
      case 'literal':
      case 'enum':
        return this.withChecks(schema, `${this.constant(schema._zod.values)}.has(${x})`, x)
      case 'nullable':
        return `(${x} === null || ${this.expression(def.innerType as z.core.$ZodType, x)})`
      case 'optional':
        return `(${x} === undefined || ${this.expression(def.innerType as z.core.$ZodType, x)})`
      case 'default':
        // Zod would fill a missing value in; accept only values it returns unchanged and leave filling to zod.
        return `(${x} !== undefined && ${this.expression(def.innerType as z.core.$ZodType, x)})`
      case 'array': {
        const element = this.expression(def.element as z.core.$ZodType, 'v[i]')
        const name = this.helper('v', `for (let i = 0; i < v.length; i++) if (!(${element})) return false\nreturn true`)
        return this.withChecks(schema, `Array.isArray(${x}) && ${name}(${x})`, x)
      }
      case 'object':
        return this.object(schema, def, x)
      case 'record':
        return this.record(schema, def, x)
      default:
        throw new Unsupported()
    }
  }

  /** The type test, then every check of the schema (a string format schema is its own first check). */
  withChecks(schema: z.core.$ZodType, typeTest: string, x: string): string {
    const def = defOf(schema)
    const checks = [...(def.check ? [schema] : []), ...(def.checks ?? [])]
    return `(${[typeTest, ...checks.map((check) => this.check(check, x))].join(' && ')})`
  }

  check(check: z.core.$ZodCheck | z.core.$ZodType, x: string): string {
    const def = defOf(check)
    switch (def.check) {
      case 'string_format':
        if (!def.pattern || def.pattern.global || def.pattern.sticky || !PATTERN_FORMATS.has(def.format ?? ''))
          throw new Unsupported()
        return `${this.constant(def.pattern)}.test(${x})`
      case 'min_length':
        return `${x}.length >= ${Number(def.minimum)}`
      case 'max_length':
        return `${x}.length <= ${Number(def.maximum)}`
      case 'length_equals':
        return `${x}.length === ${Number(def.length)}`
      case 'greater_than':
        return `${x} ${def.inclusive ? '>=' : '>'} ${Number(def.value)}`
      case 'less_than':
        return `${x} ${def.inclusive ? '<=' : '<'} ${Number(def.value)}`
      case 'number_format':
        if (def.format === 'safeint') return `Number.isSafeInteger(${x})`
        if (def.format === 'float64') return 'true'
        throw new Unsupported()
      case 'custom':
        return `${this.constant(passes)}(${this.constant(def.fn)}(${x}))`
      default:
        throw new Unsupported()
    }
  }

  /** A plain or strict object: a key the shape does not have fails a strict one, and a plain one unless kept. */
  object(schema: z.core.$ZodType, def: Def, x: string): string {
    const shape = def.shape ?? {}
    const strict = def.catchall !== undefined && defOf(def.catchall).type === 'never'
    if (def.catchall !== undefined && !strict) throw new Unsupported()
    const fields = Object.entries(shape).map(
      ([key, field], i) =>
        `const f${i} = v[${JSON.stringify(key)}]\nif (!${this.expression(field, `f${i}`)}) return false`,
    )
    const checksKeys = strict || !this.keepUnknownKeys
    const unknownKeys = checksKeys
      ? `for (const k in v) if (!${this.constant(new Set(Object.keys(shape)))}.has(k)) return false\n`
      : ''
    const name = this.helper('v', `${fields.join('\n')}\n${unknownKeys}return true`)
    return this.withChecks(
      schema,
      `typeof ${x} === "object" && ${x} !== null && !Array.isArray(${x}) && ${name}(${x})`,
      x,
    )
  }

  record(schema: z.core.$ZodType, def: Def, x: string): string {
    const keyType = def.keyType as z.core.$ZodType
    if (defOf(keyType).type !== 'string' || keyType._zod.values) throw new Unsupported()
    const key = this.expression(keyType, 'k')
    const value = this.expression(def.valueType as z.core.$ZodType, 'v[k]')
    const name = this.helper('v', `for (const k in v) if (!${key} || !${value}) return false\nreturn true`)
    const plain =
      `typeof ${x} === "object" && ${x} !== null && (Object.getPrototypeOf(${x}) === Object.prototype ` +
      `|| Object.getPrototypeOf(${x}) === null)`
    return this.withChecks(schema, `${plain} && ${name}(${x})`, x)
  }
}

/**
 * Compiles a zod schema into one generated predicate function — several times faster than parsing with zod
 * (which also copies the value), so verifying a delivery stays close to the cost of its HMAC. The predicate
 * accepts a value only if zod would accept it AND return it unchanged (no unknown key to strip, no default to
 * fill in) — or, with `keepUnknownKeys`, unchanged apart from the unknown keys of plain objects, which it then
 * leaves in. When it says no, the caller asks zod, for the issues or for the output ({@link parseFast}).
 *
 * `undefined` when the schema uses anything the compiler does not know (transforms, unions, …) or when the
 * runtime forbids generated code (a CSP, Cloudflare Workers, or `z.config({ jitless: true })`, like zod's own JIT):
 * then zod alone is used.
 */
export function compileValidator(schema: z.core.$ZodType, { keepUnknownKeys = false } = {}): Validator | undefined {
  if (!util.allowsEval.value) return undefined
  const generator = new Generator(keepUnknownKeys)
  let root: string
  try {
    root = generator.expression(schema, 'value')
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
  const source = `${generator.helpers.join('\n')}\nreturn function validate(value) { return ${root} }`
  return new Function('c', source)(generator.constants) as Validator
}
