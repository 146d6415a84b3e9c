import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { util } from 'zod/v4/core'

// compileValidator reads zod's internal definitions (`_zod.def`, `_zod.values`), which zod does not promise to keep
// from one version to the next. So zod is pinned exactly, and these tests fail when the zod in the lockfile no
// longer has the shapes the compiler relies on: update the compiler with the pin, never one without the other.

const require = createRequire(import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>
}
const installed = (require('zod/package.json') as { version: string }).version
const lockfile = readFileSync(new URL('../../../pnpm-lock.yaml', import.meta.url), 'utf8')

const def = (schema: unknown): any => (schema as { _zod: { def: unknown } })._zod.def
const firstCheck = (schema: unknown) => def(def(schema).checks[0])

describe('the zod that compileValidator is written against', () => {
  it('is pinned to one exact version, the one installed and in the lockfile', () => {
    expect(manifest.dependencies.zod).toMatch(/^\d+\.\d+\.\d+$/)
    expect(installed).toBe(manifest.dependencies.zod)
    expect(lockfile).toContain(`\n  zod@${installed}:\n`)
  })

  it('names the schema types the compiler switches on', () => {
    expect(def(z.string()).type).toBe('string')
    expect(def(z.number()).type).toBe('number')
    expect(def(z.boolean()).type).toBe('boolean')
    expect(def(z.unknown()).type).toBe('unknown')
    expect(def(z.any()).type).toBe('any')
    expect(def(z.coerce.number())).toMatchObject({ type: 'number', coerce: true })
  })

  it('keeps the values of literals and enums in a set', () => {
    expect(z.literal('a')._zod.values).toEqual(new Set(['a']))
    expect(z.enum(['a', 'b'])._zod.values).toEqual(new Set(['a', 'b']))
    expect(def(z.enum(['a'])).type).toBe('enum')
    expect(def(z.literal('a')).type).toBe('literal')
  })

  it('wraps inner types in innerType, and arrays, objects and records as the compiler reads them', () => {
    const inner = z.string()
    expect(def(z.optional(inner))).toMatchObject({ type: 'optional', innerType: inner })
    expect(def(z.nullable(inner))).toMatchObject({ type: 'nullable', innerType: inner })
    expect(def(z._default(inner, 'x'))).toMatchObject({ type: 'default', innerType: inner })
    expect(def(z.array(inner))).toMatchObject({ type: 'array', element: inner })
    expect(def(z.object({ a: inner }))).toMatchObject({ type: 'object', shape: { a: inner } })
    expect(def(z.object({ a: inner })).catchall).toBeUndefined()
    expect(def(def(z.strictObject({ a: inner })).catchall).type).toBe('never')
    expect(def(z.looseObject({ a: inner })).catchall).toBeDefined()
    expect(def(z.record(inner, z.number()))).toMatchObject({ type: 'record', keyType: inner })
    expect(def(z.record(inner, z.number())).valueType).toBeDefined()
  })

  it('describes the checks the compiler turns into code', () => {
    expect(firstCheck(z.string().check(z.minLength(2)))).toMatchObject({ check: 'min_length', minimum: 2 })
    expect(firstCheck(z.string().check(z.maxLength(3)))).toMatchObject({ check: 'max_length', maximum: 3 })
    expect(firstCheck(z.string().check(z.length(4)))).toMatchObject({ check: 'length_equals', length: 4 })
    expect(firstCheck(z.number().check(z.gt(1)))).toMatchObject({ check: 'greater_than', value: 1, inclusive: false })
    expect(firstCheck(z.number().check(z.gte(1)))).toMatchObject({ check: 'greater_than', value: 1, inclusive: true })
    expect(firstCheck(z.number().check(z.lt(9)))).toMatchObject({ check: 'less_than', value: 9, inclusive: false })
    expect(firstCheck(z.number().check(z.lte(9)))).toMatchObject({ check: 'less_than', value: 9, inclusive: true })
    expect(firstCheck(z.string().check(z.regex(/^a/)))).toMatchObject({ check: 'string_format', format: 'regex' })
    expect(firstCheck(z.string().check(z.refine((v) => v !== '')))).toMatchObject({ check: 'custom' })
    expect(typeof firstCheck(z.string().check(z.refine((v) => v !== ''))).fn).toBe('function')
  })

  it('makes string and number formats their own first check, with a pattern', () => {
    expect(def(z.email())).toMatchObject({ type: 'string', check: 'string_format', format: 'email' })
    expect(def(z.email()).pattern).toBeInstanceOf(RegExp)
    expect(def(z.iso.datetime())).toMatchObject({ check: 'string_format', format: 'datetime' })
    expect(def(z.iso.date())).toMatchObject({ check: 'string_format', format: 'date' })
    expect(def(z.int())).toMatchObject({ type: 'number', check: 'number_format', format: 'safeint' })
  })

  it('says whether generated code may run', () => {
    expect(util.allowsEval.value).toBe(true)
  })
})
