import { type IdKind, idPrefixes } from '../id-prefixes.js'

/**
 * Makes ids: `generate('customer')` → `cus_…`.
 *
 * @example `const ids: IdGenerator = createIdGenerator(); ids('customer') // 'cus_01…'`
 */
export type IdGenerator = (kind: IdKind) => string

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz'
const RANDOM_DIGITS = 16

/** The 10 base32 digits of a millisecond time (48 bits), without BigInt: ids are made on every write. */
function encodeTime(time: number): string {
  let out = ''
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[time % 32] + out
    time = Math.floor(time / 32)
  }
  return out
}

/**
 * Cryptographic random bytes served from a 4 KiB pool: one `getRandomValues` call costs about as much as filling
 * thousands of bytes, and a busy server makes an id every millisecond.
 */
function pooledRandomBytes(): (bytes: Uint8Array) => void {
  const pool = new Uint8Array(4096)
  let offset = pool.length
  return (bytes) => {
    if (offset + bytes.length > pool.length) {
      crypto.getRandomValues(pool)
      offset = 0
    }
    bytes.set(pool.subarray(offset, offset + bytes.length))
    offset += bytes.length
  }
}

/**
 * Options of {@link createIdGenerator}.
 *
 * @example `createIdGenerator({ now: () => clock.now() } satisfies IdGeneratorOptions)`
 */
export interface IdGeneratorOptions {
  /** Current time in ms since the epoch (default `Date.now`). */
  now?: () => number
  /** Fills a byte array with random bytes (default `crypto.getRandomValues`, drawn 4 KiB at a time). */
  randomBytes?: (bytes: Uint8Array) => void
}

/**
 * Creates a generator of ULID-style ids: 10 characters of millisecond time, then 16 of randomness, in lower-case
 * Crockford base32. Ids from one generator are strictly increasing even within the same millisecond (the random
 * part is incremented), so they sort in creation order.
 *
 * @example
 * ```ts
 * const nextId = createIdGenerator()
 * nextId('customer') // 'cus_01jdq6b3v2k7m1x9...'
 * ```
 */
export function createIdGenerator(options: IdGeneratorOptions = {}): IdGenerator {
  const now = options.now ?? Date.now
  const randomBytes = options.randomBytes ?? pooledRandomBytes()
  const bytes = new Uint8Array(RANDOM_DIGITS)
  const digits = new Uint8Array(RANDOM_DIGITS)
  let lastTime = -1
  let timePart = ''
  return (kind) => {
    const time = Math.max(now(), lastTime)
    if (time === lastTime) {
      // Same millisecond: add one to the random part so the id still sorts after the last one.
      let i = RANDOM_DIGITS - 1
      while (i >= 0 && digits[i] === 31) digits[i--] = 0
      if (i >= 0) digits[i]! += 1
    } else {
      randomBytes(bytes)
      // The top digit keeps one bit free, so increments within a millisecond never wrap around.
      for (let i = 0; i < RANDOM_DIGITS; i++) digits[i] = bytes[i]! & (i === 0 ? 15 : 31)
      lastTime = time
      timePart = encodeTime(time)
    }
    let random = ''
    for (let i = 0; i < RANDOM_DIGITS; i++) random += CROCKFORD[digits[i]!]
    return `${idPrefixes[kind]}_${timePart}${random}`
  }
}

/**
 * Creates a deterministic id generator: `cus_0000000000000000000001`, `cus_…02`, one counter shared by every kind,
 * so tests can assert exact ids and the ids still sort in creation order.
 *
 * @example
 * ```ts
 * const nextId = sequentialIds()
 * nextId('customer') // 'cus_0000000000000000000001'
 * nextId('booking')  // 'bkg_0000000000000000000002'
 * ```
 */
export function sequentialIds(start = 1): IdGenerator {
  let counter = start
  return (kind) => `${idPrefixes[kind]}_${String(counter++).padStart(22, '0')}`
}
