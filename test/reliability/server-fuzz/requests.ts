import { type RouteDefinition, type RouteEntry, validate } from '@octopuspro/contract'
import fc from 'fast-check'
import type { World } from '../helpers/world.js'

/** The largest body the API reads (wire contract §1). */
const MAX_BODY_BYTES = 1024 * 1024

/** What the API must answer, from the contract and the wire contract: an exact error, or anything but a 5xx. */
export type Expectation =
  | { kind: 'error'; status: number; codes: readonly string[]; param?: string | undefined }
  | { kind: 'contract-valid' }

/** One request of the server fuzz, with what it should get. */
export interface ServerCase {
  method: string
  path: string
  headers: Record<string, string>
  body: Uint8Array | undefined
  /** What was mutated, for figures and failure messages. */
  mutation: string
  expect: Expectation
}

// ---- recipes ----

/** A value stands for a raw JSON token (numbers JSON.stringify cannot write, such as 1e400). */
interface Raw {
  __raw: string
}

type BodyMutation =
  | { kind: 'set'; pathPick: number; value: unknown }
  | { kind: 'delete'; pathPick: number }
  | { kind: 'add'; pathPick: number; key: string; value: unknown }
  | { kind: 'root'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'content-type'; value: string | null }
  | { kind: 'oversized' }
  | { kind: 'invalid-utf8'; bytes: readonly number[] }
  | { kind: 'idempotency-key'; key: string }
  | { kind: 'reference'; keyPick: number; value: string | null }

type IdMutation = { kind: 'garbage'; value: string } | { kind: 'well-formed-unknown' }

/** One request: at most one layer mutated (id, query or body); `none` sends the valid request. */
type Recipe =
  | { layer: 'none' }
  | { layer: 'id'; id: IdMutation }
  | { layer: 'query'; params: [string, string][] }
  | { layer: 'body'; body: BodyMutation }

const raw = (token: string): Raw => ({ __raw: token })

/** Values that break types, limits and encodings. */
function hostileValues(world: World): fc.Arbitrary<unknown> {
  const { ids } = world
  return fc.oneof(
    fc.constantFrom(
      null,
      true,
      false,
      0,
      -0,
      -1,
      0.5,
      1e-7,
      2 ** 31,
      2 ** 53 - 1,
      2 ** 53 + 2,
      99_999_999_999,
      100_000_000_000,
      1_000_000,
      1_000_001,
      1e21,
      1e308,
      -1e308,
      5e-324,
    ),
    fc.constantFrom(raw('1e400'), raw('-1e400'), raw('123456789012345678901234567890'), raw('-0.0'), raw('1E2')),
    fc.constantFrom(
      '',
      ' ',
      'a',
      '💥',
      '\u202eevil',
      'e\u0301',
      '\ud800',
      '\u0000',
      'null',
      'true',
      '1',
      '-1',
      '2026-13-45',
      '2026-12-03T25:00:00.000Z',
      '2026-12-03',
      'not an email',
      'ADA@EXAMPLE.COM',
      'usd',
      'USD',
      'us',
      'us',
    ),
    fc.constantFrom(
      'x'.repeat(201),
      'x'.repeat(501),
      'x'.repeat(5001),
      'é'.repeat(5001),
      '🙂'.repeat(3000),
      'x'.repeat(100_000),
    ),
    fc.constantFrom(
      ...Object.values(ids),
      'cus_',
      'cus_zzzzzzzzzzzzzzzzzzzzzzzzzz',
      `cus_${'a'.repeat(65)}`,
      'CUS_123',
      'cus_../../etc/passwd',
      'usr_0',
      'whk_0',
      '*',
      'mailchimp',
    ),
    fc.constantFrom(
      ['*'],
      [],
      ['customer.created', 'customer.created'],
      ['customer.exploded'],
      [ids.fieldworker, ids.fieldworker],
      [ids.customer],
      new Array(101).fill({ description: 'x', quantity: 1, unit_amount: 1 }),
    ),
    fc.constantFrom(
      {},
      { amount: 1 },
      { line1: 'x' },
      Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])),
      { ['k'.repeat(41)]: 'v' },
    ),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.jsonValue({ maxDepth: 2 }),
  )
}

const queryValue = (world: World) =>
  fc.oneof(
    fc.constantFrom(
      '',
      '0',
      '1',
      '20',
      '100',
      '101',
      '-1',
      '1.5',
      '1e2',
      '0x10',
      ' 5',
      'abc',
      'true',
      'false',
      '1',
      '0',
      'yes',
      'null',
      'NaN',
      '💥',
      'x'.repeat(300),
    ),
    fc.constantFrom(
      '2026-11-27T10:00:00.000Z',
      '2026-11-27',
      '2026-11-27T10:00:00+02:00',
      'yesterday',
      'confirmed',
      'website',
      'sms',
      'inbound',
      'fieldworker',
      'CUSTOMER',
      'payment',
      'payment.approved',
      'ada@example.com',
      'vip',
    ),
    fc.constantFrom(...Object.values(world.ids), 'cus_', 'CUS_1', 'cus_zzz', 'z'.repeat(101)),
    fc.string({ maxLength: 10 }),
  )

/** Ids of every kind: existing ones, and well-formed ones that name nothing (`cus_…zzzz`). */
function referenceValue(world: World): fc.Arbitrary<string> {
  const existing = Object.values(world.ids)
  return fc.constantFrom(...existing, ...existing.map((id) => `${id.slice(0, -4)}zzzz`))
}

/** An id of the same kind as `like` that names nothing. */
function unknownLike(like: unknown): string | undefined {
  const id = Array.isArray(like) ? like[0] : like
  return typeof id === 'string' ? `${id.slice(0, -4)}zzzz` : undefined
}

/** Keys of a zod object's shape (what a route's body or query may hold). */
function shapeKeys(schema: RouteDefinition['body']): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> } | undefined)?.shape
  return Object.keys(shape ?? {})
}

/**
 * The generator of requests for one route of the contract's table.
 *
 * @example `fc.sample(recipesFor(entry, world), { seed: 1, numRuns: 100 })`
 */
export function recipesFor(entry: RouteEntry, world: World): fc.Arbitrary<Recipe> {
  const { definition } = entry
  const layers: fc.WeightedArbitrary<Recipe>[] = [{ weight: 1, arbitrary: fc.constant<Recipe>({ layer: 'none' }) }]
  if (definition.id) {
    const garbage = fc
      .oneof(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.constantFrom(
          'cus_',
          'CUS_123',
          `cus_${'a'.repeat(65)}`,
          '%00',
          ' ',
          'null',
          '0',
          '-1',
          'a/b',
          '?x=1',
          '#',
          '💥',
          'évt_1',
          ...Object.values(world.ids),
        ),
      )
      .filter((value) => !/^\.+$/.test(value) && !definition.id!.safeParse(value).success)
    layers.push({
      weight: 2,
      arbitrary: fc
        .oneof(
          garbage.map((value): IdMutation => ({ kind: 'garbage', value })),
          fc.constant<IdMutation>({ kind: 'well-formed-unknown' }),
        )
        .map((id): Recipe => ({ layer: 'id', id })),
    })
  }
  if (definition.method === 'GET') {
    const keys = [...shapeKeys(definition.query), 'unknown', 'LIMIT', 'limit[]', 'starting_after ']
    layers.push({
      weight: 4,
      arbitrary: fc
        .array(fc.tuple(fc.constantFrom(...keys), queryValue(world)), { minLength: 1, maxLength: 3 })
        .map((params): Recipe => ({ layer: 'query', params })),
    })
  }
  if (definition.body) {
    const value = hostileValues(world)
    const body: fc.Arbitrary<BodyMutation> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), pathPick: fc.nat(), value }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), pathPick: fc.nat() }) },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('add' as const),
          pathPick: fc.nat(),
          key: fc.oneof(
            fc.constantFrom('unexpected', 'id', 'object', 'created_at', '__proto__', 'constructor', 'Name', 'name '),
            fc.string({ minLength: 1, maxLength: 8 }),
          ),
          value,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('root' as const),
          value: fc.oneof(fc.constantFrom(null, [], 'text', 42, true), fc.jsonValue({ maxDepth: 2 })),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('text' as const),
          text: fc.constantFrom(
            '',
            '   ',
            '{',
            '[',
            '{"name":',
            "{'name':'Ada'}",
            '{"a":1}}',
            'nul',
            'NaN',
            '{"name":"Ada",}',
            '\u0000',
            '{"name":"\\ud800"}',
          ),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('content-type' as const),
          value: fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'application/json; charset=utf-8',
            'application/merge-patch+json',
            null,
          ),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('invalid-utf8' as const),
          bytes: fc.constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xc3]),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('reference' as const),
          keyPick: fc.nat(),
          value: fc.oneof(fc.constant(null), referenceValue(world)),
        }),
      },
      ...(definition.method === 'POST'
        ? [
            {
              weight: 1,
              arbitrary: fc.record({
                kind: fc.constant('idempotency-key' as const),
                key: fc.constantFrom('', 'k'.repeat(256), 'k'.repeat(255), 'order-42'),
              }),
            },
          ]
        : []),
    )
    layers.push({ weight: 8, arbitrary: body.map((b): Recipe => ({ layer: 'body', body: b })) })
  }
  return fc.oneof(...layers)
}

/** Rare on purpose: each one is a megabyte. */
export const oversizedRecipe: Recipe = { layer: 'body', body: { kind: 'oversized' } }

// ---- from a recipe to a request and its expectation ----

const encoder = new TextEncoder()

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return []
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value)
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])])
}

function serialize(value: unknown): string {
  return JSON.stringify(value).replace(/\{"__raw":"([^"]*)"\}/g, '$1')
}

function mutateBody(
  base: Record<string, unknown>,
  schemaKeys: string[],
  mutation: Extract<BodyMutation, { kind: 'set' | 'delete' | 'add' }>,
): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>
  const paths = [...pathsOf(copy), ...schemaKeys.filter((k) => !(k in copy)).map((k) => [k])]
  const path = paths[mutation.pathPick % Math.max(paths.length, 1)] ?? []
  const parentPath = mutation.kind === 'add' ? path : path.slice(0, -1)
  let parent: unknown = copy
  for (const key of parentPath) parent = (parent as Record<string | number, unknown>)[key]
  if (parent === null || typeof parent !== 'object') parent = copy
  const target = parent as Record<string | number, unknown>
  if (mutation.kind === 'add') {
    Object.defineProperty(target, mutation.key, {
      value: mutation.value,
      enumerable: true,
      configurable: true,
      writable: true,
    })
  } else if (path.length > 0) {
    const key = path.at(-1)!
    if (mutation.kind === 'delete') delete target[key]
    else target[key] = mutation.value
  }
  return copy
}

/** The contract's verdict on a body or query, turned into the error the wire contract §1 prescribes. */
function schemaVerdict(schema: NonNullable<RouteDefinition['body']>, value: unknown): Expectation {
  const result = validate(schema, value)
  if (result.success) return { kind: 'contract-valid' }
  const unknown = result.details.find((d) => d.message.startsWith('unknown parameter'))
  if (unknown) return { kind: 'error', status: 400, codes: ['unknown_parameter'], param: unknown.path }
  const [first] = result.details
  return {
    kind: 'error',
    status: 400,
    codes: [first?.message === 'is required' ? 'parameter_missing' : 'parameter_invalid'],
    param: first?.path || undefined,
  }
}

function isJsonType(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' || type.endsWith('+json')
}

/**
 * Builds one request of a route and what the API must answer to it, from the contract alone.
 *
 * @example `const { method, path, expect } = buildCase(entry, world, recipe)`
 */
export function buildCase(entry: RouteEntry, world: World, recipe: Recipe): ServerCase {
  const { definition } = entry
  const headers: Record<string, string> = {}
  let mutation: string = recipe.layer
  let id = world.idOf(entry.name)
  let expect: Expectation = { kind: 'contract-valid' }
  if (recipe.layer === 'id') {
    mutation = `id:${recipe.id.kind}`
    id = recipe.id.kind === 'garbage' ? recipe.id.value : `${id.split('_')[0]}_zzzzzzzzzzzzzzzzzzzzzzzzzz`
    if (!definition.id!.safeParse(id).success) expect = { kind: 'error', status: 404, codes: ['resource_missing'] }
  }
  let path = `/v1${definition.path.replace('{id}', encodeURIComponent(id))}`
  if (recipe.layer === 'query') {
    mutation = `query:${recipe.params.map(([k]) => k).join(',')}`
    path += `?${new URLSearchParams(recipe.params)}`
    const query = Object.fromEntries(recipe.params)
    expect = definition.query
      ? schemaVerdict(definition.query, query)
      : { kind: 'error', status: 400, codes: ['unknown_parameter'], param: recipe.params[0]![0] }
  }

  let body: Uint8Array | undefined
  if (definition.body) {
    const base = world.validBodies[entry.name] ?? {}
    const b = recipe.layer === 'body' ? recipe.body : undefined
    if (b) mutation = `body:${b.kind}`
    let text = serialize(base)
    let contentType: string | null = 'application/json'
    if (b?.kind === 'set' || b?.kind === 'delete' || b?.kind === 'add')
      text = serialize(mutateBody(base, shapeKeys(definition.body), b))
    if (b?.kind === 'root') text = serialize(b.value)
    if (b?.kind === 'reference') {
      const keys = shapeKeys(definition.body).filter((key) => /_ids?$/.test(key))
      const key = keys[b.keyPick % Math.max(keys.length, 1)]
      const id = b.value ?? unknownLike(base[key ?? '']) ?? unknownLike(world.ids.customer)
      if (key !== undefined) text = serialize({ ...base, [key]: key.endsWith('_ids') ? [id] : id })
    }
    if (b?.kind === 'text') text = b.text
    if (b?.kind === 'content-type') contentType = b.value
    if (b?.kind === 'oversized') text = serialize({ ...base, notes: 'x'.repeat(MAX_BODY_BYTES) })
    if (b?.kind === 'idempotency-key') headers['idempotency-key'] = b.key
    body = encoder.encode(text)
    if (b?.kind === 'invalid-utf8') {
      const cut = Math.max(0, text.lastIndexOf('"'))
      body = new Uint8Array([...encoder.encode(text.slice(0, cut)), ...b.bytes, ...encoder.encode(text.slice(cut))])
    }
    if (contentType !== null) headers['content-type'] = contentType
    if (expect.kind === 'contract-valid')
      expect = bodyVerdict(definition, body, contentType, headers['idempotency-key'])
  }
  if (expect.kind === 'contract-valid' && recipe.layer === 'id')
    expect = { kind: 'error', status: 404, codes: ['resource_missing'] }
  return { method: definition.method, path, headers, body, mutation, expect }
}

/**
 * the wire contract §1 on bodies: 413 over 1 MiB, 400 invalid_json for what is not UTF-8 JSON, 415 for another media
 * type, then the schema.
 */
function bodyVerdict(
  definition: RouteDefinition,
  body: Uint8Array,
  contentType: string | null,
  idempotencyKey: string | undefined,
): Expectation {
  if (body.byteLength > MAX_BODY_BYTES) return { kind: 'error', status: 413, codes: ['payload_too_large'] }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return { kind: 'error', status: 400, codes: ['invalid_json'] }
  }
  let value: unknown = {}
  if (text.trim() !== '') {
    if (contentType !== null && !isJsonType(contentType))
      return { kind: 'error', status: 415, codes: ['unsupported_media_type'] }
    try {
      value = JSON.parse(text)
    } catch {
      return { kind: 'error', status: 400, codes: ['invalid_json'] }
    }
  }
  const verdict = schemaVerdict(definition.body!, value)
  if (verdict.kind === 'error') return verdict
  if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 255)) {
    return { kind: 'error', status: 400, codes: ['parameter_invalid'], param: 'Idempotency-Key' }
  }
  return verdict
}
