import { isDeepStrictEqual } from 'node:util'
import { EventEnvelope, type EventType, eventSchemas, eventTypes } from '@octopuspro/contract'
import { createSampleEvent } from '@octopuspro/contract/samples'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { compileValidator } from '../src/compile-validator.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const children = Array.isArray(value)
    ? value.flatMap((item, i) => pathsOf(item, [...prefix, i]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))
      : []
  return prefix.length === 0 ? children : [prefix, ...children]
}

/** A copy of `value` with the value at `path` replaced, or deleted when `replacement` is undefined. */
function mutate(value: Json, path: (string | number)[], replacement: Json | undefined): Json {
  const copy = structuredClone(value) as Record<string | number, Json>
  let parent = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>
  const last = path.at(-1) as string | number
  if (replacement === undefined && Array.isArray(parent)) parent.splice(last as number, 1)
  else if (replacement === undefined) delete parent[last]
  else parent[last] = replacement
  return copy as Json
}

const awkward = fc.constantFrom<Json | undefined>(
  undefined,
  null,
  '',
  'x'.repeat(600),
  -1,
  0,
  0.5,
  1e20,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  {},
  [],
  ['vip'],
  '2026-02-30T09:00:00.000Z',
  '2026-12-03',
  'cus_01jdqs4v5w6x7y8z9a0b1c2d3e',
  'not an email',
  { extra: 'field' },
)

describe('compileValidator', () => {
  it('compiles every event schema and the envelope (so no event falls back to slow parsing)', () => {
    for (const type of eventTypes) expect(compileValidator(eventSchemas[type])).toBeTypeOf('function')
    expect(compileValidator(EventEnvelope)).toBeTypeOf('function')
  })

  it.each(eventTypes)('accepts the sample %s event', (type) => {
    expect(compileValidator(eventSchemas[type])?.(createSampleEvent(type))).toBe(true)
  })

  const samples = eventTypes.map((type) => [type, createSampleEvent(type) as unknown as Json] as const)
  const mutation = fc
    .constantFrom(...samples)
    .chain(([type, sample]) =>
      fc.tuple(
        fc.constant(type),
        fc.constant(sample),
        fc.constantFrom(...pathsOf(sample)),
        fc.oneof(awkward, fc.jsonValue() as fc.Arbitrary<Json>),
      ),
    )

  /** Checks `agrees(fast, zod result, value)` on 3000 mutated events. */
  function checkMutations(
    options: { keepUnknownKeys: boolean },
    agrees: (fast: boolean, zod: z.core.util.SafeParseResult<unknown>, value: Json) => void,
  ) {
    const validators = new Map(eventTypes.map((type) => [type, compileValidator(eventSchemas[type], options)!]))
    fc.assert(
      fc.property(mutation, ([type, sample, path, replacement]) => {
        const value = mutate(sample, path, replacement)
        agrees(validators.get(type as EventType)!(value), eventSchemas[type as EventType].safeParse(value), value)
      }),
      { numRuns: 3000 },
    )
  }

  it('agrees with zod on mutated events: it accepts exactly what zod returns unchanged', () => {
    checkMutations({ keepUnknownKeys: false }, (fast, zod, value) =>
      expect(fast).toBe(zod.success && isDeepStrictEqual(zod.data, value)),
    )
  })

  it('keeping unknown keys, it never accepts what zod refuses, and accepts what zod returns unchanged', () => {
    checkMutations({ keepUnknownKeys: true }, (fast, zod, value) => {
      if (fast) expect(zod.success).toBe(true)
      if (zod.success && isDeepStrictEqual(zod.data, value)) expect(fast).toBe(true)
    })
  })

  it('leaves what it does not understand to zod', () => {
    expect(compileValidator(z.union([z.string(), z.number()]))).toBeUndefined()
    expect(
      compileValidator(
        z.pipe(
          z.string(),
          z.transform((s) => s.length),
        ),
      ),
    ).toBeUndefined()
    expect(compileValidator(z.object({ url: z.url() }))).toBeUndefined()
    expect(compileValidator(z.looseObject({ a: z.string() }))).toBeUndefined()
    expect(compileValidator(z.string().check(z.regex(/a/g)))).toBeUndefined()
  })

  it('checks objects, records, refinements and defaults as zod does, and leaves unknown keys to zod', () => {
    const strict = compileValidator(z.strictObject({ a: z.optional(z.string()) }))!
    expect([strict({}), strict({ a: 'x' }), strict({ b: 1 }), strict({ a: 1 }), strict([])]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ])
    // zod strips `b` from a plain object: the predicate says no, so the caller gets zod's stripped copy.
    const plain = compileValidator(z.object({ a: z.string() }))!
    expect([plain({ a: 'x' }), plain({ a: 'x', b: 1 })]).toEqual([true, false])
    const keeping = compileValidator(z.object({ a: z.string() }), { keepUnknownKeys: true })!
    const strictKeeping = compileValidator(z.strictObject({ a: z.string() }), { keepUnknownKeys: true })!
    expect([keeping({ a: 'x', b: 1 }), strictKeeping({ a: 'x', b: 1 })]).toEqual([true, false])
    const record = compileValidator(
      z.record(z.string().check(z.maxLength(2)), z.number()).check(z.refine((r) => Object.keys(r).length < 2)),
    )!
    expect([
      record({ ab: 1 }),
      record({ abc: 1 }),
      record({ a: 'x' }),
      record({ a: 1, b: 2 }),
      record(new Map()),
    ]).toEqual([true, false, false, false, false])
    const defaulted = compileValidator(z.object({ n: z._default(z.number(), 0) }))!
    expect([defaulted({ n: 1 }), defaulted({})]).toEqual([true, false])
  })
})
