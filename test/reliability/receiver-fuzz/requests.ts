import { createHmac } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { concatBytes, type EventType, eventTypes } from '@octopuspro/contract'
import type { IdGenerator } from '@octopuspro/contract/ids'
import { createSampleEvent } from '@octopuspro/contract/samples'
import fc from 'fast-check'
import { sign } from '../helpers/sign.js'

/** The receiver's frozen clock: every timestamp of the fuzz is relative to it. */
export const NOW_MS = Date.parse('2026-11-27T10:00:00.000Z')
export const NOW_SECONDS = NOW_MS / 1000
export const TOLERANCE_SECONDS = 300
/** Small, so that oversized bodies are cheap to make; the limit itself is what is tested. */
export const MAX_BODY_BYTES = 8 * 1024

/** A request to send: header lines in order (a name may repeat), method and raw body. */
export interface FuzzRequest {
  method: string
  lines: [string, string][]
  body: Uint8Array
  /** Which faults were injected, for the figures and for failure messages. */
  faults: string[]
}

// ---- the recipes: plain data that fast-check generates and shrinks ----

type Decoy = 'stranger' | 'v1a' | 'v2' | 'token'

/** A fault in the body: what is sent (and signed) is not a valid UTF-8 JSON event within the limit. */
type BodyFault =
  | { kind: 'truncated'; keep: number; signed: 'full' | 'truncated' }
  | { kind: 'oversized'; extra: number }
  | {
      kind: 'encoding'
      encoding: 'utf16le' | 'utf16le-bom' | 'utf16be' | 'latin1' | 'gzip' | 'base64' | 'invalid-utf8'
      bytes: readonly number[]
    }
  | { kind: 'payload'; op: 'delete' | 'set' | 'add'; pathPick: number; key: string; value: unknown }
  | { kind: 'not-json'; text: string }
  | { kind: 'not-an-event'; value: unknown }

/** A fault in the Standard Webhooks headers. */
type HeaderFault =
  | { kind: 'missing'; which: ('id' | 'timestamp' | 'signature')[]; empty: boolean }
  | { kind: 'duplicated'; which: 'id' | 'timestamp' }
  | { kind: 'bad-timestamp'; value: string }
  | { kind: 'stale'; seconds: number; signed: boolean }
  | { kind: 'future'; seconds: number; signed: boolean }
  | { kind: 'signature'; variant: SignatureFault; n: number }

type SignatureFault =
  | 'other-body'
  | 'other-secret'
  | 'other-id'
  | 'other-timestamp'
  | 'truncated'
  | 'flipped'
  | 'no-prefix'
  | 'wrong-version'
  | 'empty'
  | 'hex'
  | 'secret-as-text'
  | 'body-only'
  | 'garbage'
  | 'case'

/** A fault in the request line or its media type. */
type RequestFault =
  | { kind: 'method'; method: 'GET' | 'PUT' | 'PATCH' | 'DELETE' }
  | { kind: 'content-type'; value: string }

/** How one fresh delivery is made: harmless variations plus up to one fault per layer. */
export interface Recipe {
  type: EventType
  unknownType: string | null
  note: string
  secretIndex: 0 | 1
  skew: number
  style: 'webhook' | 'svix' | 'mixed'
  contentType: string | null
  decoys: Decoy[]
  realPosition: number
  splitLines: boolean
  extraHeaders: [string, string][]
  bom: boolean
  padToLimit: boolean
  bodyFault: BodyFault | null
  headerFault: HeaderFault | null
  requestFault: RequestFault | null
}

/**
 * One request of a sequence: a fresh delivery, or an earlier one again (as is, or re-signed now like a sender's retry).
 */
export type Step = { kind: 'fresh'; recipe: Recipe } | { kind: 'replay'; pick: number; resign: boolean }

/** `arbitrary` in `percent` % of the draws, else null. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: 100 - percent, arbitrary: fc.constant(null) }, { weight: percent, arbitrary })
}

const printable = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/)

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    0.5,
    -0.000001,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    1e308,
    -1e308,
    5e-324,
    99_999_999_999,
    100_000_000_000,
  ),
  fc.constantFrom(
    '',
    ' ',
    'evt_',
    'cus_../../etc',
    '2026-13-45T25:61:00.000Z',
    'not-an-email',
    '\u0000',
    '💥',
    '\u202e',
    'ä'.repeat(6000),
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 2 }),
)

const bodyFault: fc.Arbitrary<BodyFault> = fc.oneof(
  fc.record({
    kind: fc.constant('truncated' as const),
    keep: fc.double({ min: 0, max: 0.999, noNaN: true }),
    signed: fc.constantFrom('full' as const, 'truncated' as const),
  }),
  fc.record({ kind: fc.constant('oversized' as const), extra: fc.integer({ min: 1, max: 3 * MAX_BODY_BYTES }) }),
  fc.record({
    kind: fc.constant('encoding' as const),
    encoding: fc.constantFrom(
      'utf16le' as const,
      'utf16le-bom' as const,
      'utf16be' as const,
      'latin1' as const,
      'gzip' as const,
      'base64' as const,
      'invalid-utf8' as const,
    ),
    bytes: fc.constantFrom(
      [0x80],
      [0xbf],
      [0xc0, 0xaf],
      [0xc3],
      [0xe2, 0x82],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
      [0xfe],
      [0xff],
    ),
  }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('payload' as const),
      op: fc.constantFrom('delete' as const, 'set' as const, 'add' as const),
      pathPick: fc.nat(),
      key: fc.oneof(
        fc.constantFrom('unexpected', '__proto__', 'constructor', 'type', 'id'),
        fc.string({ minLength: 1, maxLength: 8 }),
      ),
      value: hostileValue,
    }),
  },
  fc.record({
    kind: fc.constant('not-json' as const),
    text: fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom('', '{', '{"id":', 'null', '[]', 'NaN', "{'id':'evt_1'}", '{"a":1}}', '\u0000'),
    ),
  }),
  fc.record({ kind: fc.constant('not-an-event' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
)

const badTimestamp = fc
  .oneof(
    fc.constantFrom(
      'abc',
      '-1',
      '+1764237600',
      '1764237600.5',
      '1.7642376e9',
      '0x69280a30',
      '1764 237600',
      '¹²³',
      '2026-11-27T10:00:00Z',
      'Thu, 27 Nov 2026 10:00:00 GMT',
      'Infinity',
    ),
    fc.stringMatching(/^[0-9]{16,24}$/),
    fc.stringMatching(/^[0-9]{1,8}[a-zA-Z_.,:;-][0-9]{0,8}$/),
    printable,
  )
  .filter((value) => !/^\d{1,15}$/.test(value))

const headerFault: fc.Arbitrary<HeaderFault> = fc.oneof(
  fc.record({
    kind: fc.constant('missing' as const),
    which: fc.subarray(['id' as const, 'timestamp' as const, 'signature' as const], { minLength: 1 }),
    empty: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('duplicated' as const), which: fc.constantFrom('id' as const, 'timestamp' as const) }),
  fc.record({ kind: fc.constant('bad-timestamp' as const), value: badTimestamp }),
  fc.record({
    kind: fc.constant('stale' as const),
    seconds: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: NOW_SECONDS - TOLERANCE_SECONDS })),
    signed: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('future' as const),
    seconds: fc.oneof(
      fc.integer({ min: 1, max: 600 }),
      fc.integer({ min: 1, max: 999_999_999_999_999 - NOW_SECONDS - TOLERANCE_SECONDS }),
    ),
    signed: fc.boolean(),
  }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('signature' as const),
      variant: fc.constantFrom<SignatureFault>(
        'other-body',
        'other-secret',
        'other-id',
        'other-timestamp',
        'truncated',
        'flipped',
        'no-prefix',
        'wrong-version',
        'empty',
        'hex',
        'secret-as-text',
        'body-only',
        'garbage',
        'case',
      ),
      n: fc.nat(),
    }),
  },
)

const requestFault: fc.Arbitrary<RequestFault> = fc.oneof(
  fc.record({
    kind: fc.constant('method' as const),
    method: fc.constantFrom('GET' as const, 'PUT' as const, 'PATCH' as const, 'DELETE' as const),
  }),
  fc.record({
    kind: fc.constant('content-type' as const),
    value: fc.constantFrom(
      'text/plain',
      'text/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      'application/xml',
      'application/octet-stream',
    ),
  }),
)

/** Headers nobody checks, to show they change nothing. */
const extraHeader: fc.Arbitrary<[string, string]> = fc.tuple(
  fc.oneof(
    fc.constantFrom(
      'x-forwarded-for',
      'user-agent',
      'accept',
      'x-request-id',
      'accept-encoding',
      'cookie',
      'authorization',
    ),
    fc.stringMatching(/^x-[a-z0-9]{1,12}$/),
  ),
  printable,
)

/** A fresh delivery: harmless variations, and a fault in each layer with the given chance. */
const recipe: fc.Arbitrary<Recipe> = fc.record({
  type: fc.constantFrom(...eventTypes),
  unknownType: sometimes(fc.constantFrom('customer.merged', 'booking.teleported', 'x', 'future.event.type'), 8),
  note: fc.oneof(
    fc.constantFrom('Café Müller, naïve façade', 'plain ascii'),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  ),
  secretIndex: fc.constantFrom(0 as const, 1 as const),
  skew: fc.oneof(
    fc.constantFrom(0, TOLERANCE_SECONDS, -TOLERANCE_SECONDS),
    fc.integer({ min: -TOLERANCE_SECONDS, max: TOLERANCE_SECONDS }),
  ),
  style: fc.constantFrom('webhook' as const, 'webhook' as const, 'svix' as const, 'mixed' as const),
  contentType: fc.constantFrom<string | null>(
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON',
    'application/vnd.octopuspro.event+json',
    null,
  ),
  decoys: fc.array(fc.constantFrom<Decoy>('stranger', 'v1a', 'v2', 'token'), { maxLength: 3 }),
  realPosition: fc.nat({ max: 3 }),
  splitLines: fc.boolean(),
  extraHeaders: fc.array(extraHeader, { maxLength: 3 }),
  bom: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  padToLimit: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  bodyFault: sometimes(bodyFault, 40),
  headerFault: sometimes(headerFault, 40),
  requestFault: sometimes(requestFault, 8),
})

/** A sequence of requests to one fresh receiver; replays point back into it. */
export const sequence: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: recipe.map((r): Step => ({ kind: 'fresh', recipe: r })) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), pick: fc.nat(), resign: fc.boolean() }) },
  ),
  { minLength: 1, maxLength: 8 },
)

// ---- from a recipe to a request ----

/** What the builder needs besides the recipe. */
export interface BuildContext {
  /** The receiver's two secrets (a rotation): either may sign. */
  secrets: readonly [string, string]
  /** A secret the receiver does not know. */
  stranger: string
  ids: IdGenerator
}

const encoder = new TextEncoder()
const BOM = Uint8Array.of(0xef, 0xbb, 0xbf)
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const NAMES = {
  webhook: { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' },
  svix: { id: 'svix-id', timestamp: 'svix-timestamp', signature: 'svix-signature' },
  mixed: { id: 'webhook-id', timestamp: 'svix-timestamp', signature: 'webhook-signature' },
} as const

/** Bytes that look random but follow from their seed, so a sequence builds the same requests every time. */
function pseudoBytes(seed: string, length: number): Buffer {
  const out = Buffer.alloc(length)
  for (let offset = 0, block = 0; offset < length; block++)
    offset += createHmac('sha256', seed).update(String(block)).digest().copy(out, offset)
  return out
}

function padded(body: Uint8Array, size: number): Uint8Array {
  return body.byteLength >= size ? body : concatBytes([body, new Uint8Array(size - body.byteLength).fill(0x20)])
}

/** Every path to a value inside a JSON value, the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return []
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value)
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])])
}

/** Applies a payload mutation to a deep copy of the event. */
function mutate(event: object, fault: Extract<BodyFault, { kind: 'payload' }>): unknown {
  const copy = structuredClone(event) as Record<string | number, unknown>
  const paths = pathsOf(copy)
  const path = paths[fault.pathPick % paths.length] ?? []
  const parentPath = fault.op === 'add' ? path : path.slice(0, -1)
  let parent: unknown = copy
  for (const key of parentPath) parent = (parent as Record<string | number, unknown>)[key]
  if (parent === null || typeof parent !== 'object') parent = copy
  const target = parent as Record<string | number, unknown>
  const last = path.at(-1) ?? 'id'
  if (fault.op === 'delete') delete target[last]
  else if (fault.op === 'set') target[last] = fault.value
  else
    Object.defineProperty(target, fault.key, {
      value: fault.value,
      enumerable: true,
      configurable: true,
      writable: true,
    })
  return copy
}

function encode(text: string, fault: Extract<BodyFault, { kind: 'encoding' }>): Uint8Array {
  switch (fault.encoding) {
    case 'utf16le':
      return Buffer.from(text, 'utf16le')
    case 'utf16le-bom':
      return concatBytes([Uint8Array.of(0xff, 0xfe), Buffer.from(text, 'utf16le')])
    case 'utf16be':
      return Buffer.from(text, 'utf16le').swap16()
    case 'latin1':
      return Buffer.from(text.replace('"note":"', '"note":"Café Müller '), 'latin1')
    case 'gzip':
      return gzipSync(text)
    case 'base64':
      return encoder.encode(Buffer.from(text).toString('base64'))
    case 'invalid-utf8': {
      const [head, tail] = text.split('"note":"') as [string, string]
      return concatBytes([encoder.encode(`${head}"note":"`), Uint8Array.from(fault.bytes), encoder.encode(tail)])
    }
  }
}

function signatureFault(
  variant: SignatureFault,
  n: number,
  real: string,
  parts: { secret: string; stranger: string; id: string; timestamp: string; body: Uint8Array },
): string {
  const { secret, id, timestamp, body } = parts
  const mac = real.slice(3)
  switch (variant) {
    case 'other-body':
      return `v1,${sign(secret, id, timestamp, concatBytes([body, Uint8Array.of(0x20)]))}`
    case 'other-secret':
      return `v1,${sign(parts.stranger, id, timestamp, body)}`
    case 'other-id':
      return `v1,${sign(secret, `${id}x`, timestamp, body)}`
    case 'other-timestamp': {
      const other = /^\d+$/.test(timestamp) ? String(Number(timestamp) + 1 + (n % 300)) : `${timestamp}1`
      return `v1,${sign(secret, id, other, body)}`
    }
    case 'truncated':
      return `v1,${mac.slice(0, -(1 + (n % mac.length)))}`
    case 'flipped': {
      const at = n % mac.length
      const other = BASE64[(BASE64.indexOf(mac[at]!) + 1 + (n % 63)) % 64]!
      return `v1,${mac.slice(0, at)}${other}${mac.slice(at + 1)}`
    }
    case 'no-prefix':
      return mac
    case 'wrong-version':
      return `${['v1a,', 'v2,', 'V1,', 'v1;', 'v1:', ',v1,'][n % 6]}${mac}`
    case 'empty':
      return 'v1,'
    case 'hex':
      return `v1,${createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
        .update(`${id}.${timestamp}.`)
        .update(body)
        .digest('hex')}`
    case 'secret-as-text':
      return `v1,${createHmac('sha256', secret).update(`${id}.${timestamp}.`).update(body).digest('base64')}`
    case 'body-only':
      return `v1,${createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
        .update(body)
        .digest('base64')}`
    case 'garbage':
      return `v1,${pseudoBytes(`${id}:${n}`, 32).toString('base64')}`
    case 'case': {
      const swapped = mac.replace(/[a-z]/i, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()))
      return `v1,${swapped}`
    }
  }
}

function decoy(kind: Decoy, index: number, stranger: string, id: string, timestamp: string, body: Uint8Array): string {
  if (kind === 'stranger') return `v1,${sign(stranger, id, timestamp, body)}`
  const bytes = (length: number) => pseudoBytes(`${id}:${kind}:${index}`, length)
  if (kind === 'v1a') return `v1a,${bytes(64).toString('base64')}`
  if (kind === 'v2') return `v2,${bytes(32).toString('base64')}`
  return bytes(8).toString('hex')
}

/**
 * Builds the request a recipe describes.
 *
 * @example `buildRequest(fc.sample(sequence, 1)[0][0].recipe, { secrets, stranger, ids: sequentialIds() })`
 */
export function buildRequest(r: Recipe, context: BuildContext): FuzzRequest {
  const faults: string[] = []
  const id = context.ids('event')
  const sample = createSampleEvent(r.type, { id, timestamp: new Date(NOW_MS).toISOString() }) as unknown as Record<
    string,
    unknown
  >
  const event = { ...sample, data: { ...(sample.data as object), metadata: { note: r.note } } } as Record<
    string,
    unknown
  >
  if (r.unknownType !== null) event.type = r.unknownType

  const fault = r.bodyFault
  if (fault) faults.push(`body:${fault.kind}${fault.kind === 'encoding' ? `:${fault.encoding}` : ''}`)
  const value = fault?.kind === 'payload' ? mutate(event, fault) : fault?.kind === 'not-an-event' ? fault.value : event
  const text = fault?.kind === 'not-json' ? fault.text : JSON.stringify(value)
  let body = fault?.kind === 'encoding' ? encode(text, fault) : encoder.encode(text)
  if (r.bom) body = concatBytes([BOM, body])
  if (r.padToLimit) body = padded(body, MAX_BODY_BYTES)
  if (fault?.kind === 'oversized') body = padded(body, MAX_BODY_BYTES + fault.extra)
  let signedBody = body
  if (fault?.kind === 'truncated') {
    const cut = body.subarray(0, Math.floor(fault.keep * body.byteLength))
    signedBody = fault.signed === 'full' ? body : cut
    body = cut
  }

  const secret = context.secrets[r.secretIndex]
  let timestamp = String(NOW_SECONDS + r.skew)
  let signedTimestamp = timestamp
  const h = r.headerFault
  if (h) faults.push(`header:${h.kind}${h.kind === 'signature' ? `:${h.variant}` : ''}`)
  if (h?.kind === 'bad-timestamp') signedTimestamp = timestamp = h.value
  if (h?.kind === 'stale' || h?.kind === 'future') {
    timestamp = String(NOW_SECONDS + (h.kind === 'stale' ? -1 : 1) * (TOLERANCE_SECONDS + h.seconds))
    if (h.signed) signedTimestamp = timestamp
  }
  let real = `v1,${sign(secret, id, signedTimestamp, signedBody)}`
  if (h?.kind === 'signature')
    real = signatureFault(h.variant, h.n, real, {
      secret,
      stranger: context.stranger,
      id,
      timestamp: signedTimestamp,
      body: signedBody,
    })
  const entries = r.decoys.map((kind, index) => decoy(kind, index, context.stranger, id, timestamp, body))
  entries.splice(Math.min(r.realPosition, entries.length), 0, real)

  const names = NAMES[r.style]
  const lines: [string, string][] = []
  const add = (which: 'id' | 'timestamp' | 'signature', values: string[]) => {
    if (h?.kind === 'missing' && h.which.includes(which)) {
      if (h.empty) lines.push([names[which], ''])
      return
    }
    for (const v of values) lines.push([names[which], v])
    if (h?.kind === 'duplicated' && h.which === which) lines.push([names[which], values[0]!])
  }
  add('id', [id])
  add('timestamp', [timestamp])
  add('signature', r.splitLines ? entries : [entries.join(' ')])

  const q = r.requestFault
  if (q) faults.push(`request:${q.kind}`)
  const contentType = q?.kind === 'content-type' ? q.value : r.contentType
  if (contentType !== null) lines.push(['content-type', contentType])
  lines.push(...r.extraHeaders)
  return { method: q?.kind === 'method' ? q.method : 'POST', lines, body, faults }
}

/**
 * An earlier request again: as is (a replay; its timestamp may have aged out of nothing, the clock is frozen), or
 * re-signed with a fresh timestamp as a sender's retry would be.
 */
export function replayRequest(earlier: FuzzRequest, resign: boolean, secret: string): FuzzRequest {
  const faults = [...earlier.faults, resign ? 'replay:re-signed' : 'replay:as-is']
  if (!resign) return { ...earlier, faults }
  const timestamp = String(NOW_SECONDS - 1)
  const id = earlier.lines.find(([name]) => name === 'webhook-id' || name === 'svix-id')?.[1] ?? ''
  const lines = earlier.lines
    .filter(([name]) => !/^(webhook|svix)-(timestamp|signature)$/.test(name))
    .concat([
      ['webhook-timestamp', timestamp],
      ['webhook-signature', `v1,${sign(secret, id, timestamp, earlier.body)}`],
    ])
  return { ...earlier, lines, faults }
}
