import { positiveInteger } from '../internal/positive-integer.js'
import {
  type ClaimResult,
  DEFAULT_IN_FLIGHT_TTL_MS,
  DEFAULT_TTL_MS,
  type DedupeStore,
  type DedupeTtlOptions,
} from './store.js'

/** Options of {@link memoryDedupe}. @example `memoryDedupe({ max: 50_000, ttlMs: 24 * 3600_000 })` */
export interface MemoryDedupeOptions extends DedupeTtlOptions {
  /** How many ids to remember at most; the least recently used one is forgotten first. Default 10 000. */
  max?: number
  /** The clock, in ms (default `Date.now`); tests pass a fake one. */
  now?: () => number
}

/**
 * The in-memory store: a {@link DedupeStore} that also tells how many ids it holds.
 *
 * @example `metrics.gauge('webhook_ids', store.size)`
 */
export interface MemoryDedupeStore extends DedupeStore {
  /** How many ids are remembered now (never more than `max`). */
  readonly size: number
}

interface Entry {
  token: string
  done: boolean
  expiresAt: number
}

/**
 * A dedupe store in this process's memory: a bounded LRU with a TTL, every operation O(1), memory proportional
 * to `max`. Right for a single process; with several, use {@link redisDedupe} (or your own store) so they share
 * what was handled.
 *
 * @example
 * ```ts
 * const webhooks = new Webhooks({ secret, dedupe: memoryDedupe({ max: 50_000 }) })
 * ```
 */
export function memoryDedupe(options: MemoryDedupeOptions = {}): MemoryDedupeStore {
  const max = positiveInteger('max', options.max ?? 10_000)
  const ttlMs = positiveInteger('ttlMs', options.ttlMs ?? DEFAULT_TTL_MS)
  const inFlightTtlMs = positiveInteger('inFlightTtlMs', options.inFlightTtlMs ?? DEFAULT_IN_FLIGHT_TTL_MS)
  const now = options.now ?? Date.now
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used entry first.
  const entries = new Map<string, Entry>()
  // One iterator kept across evictions: a fresh `keys()` would walk over every slot deleted since V8 last rehashed
  // the table, on every insertion once the store is full. Everything before its position is gone, so the first key
  // it yields is the least recently used.
  let oldest = entries.keys()
  // Owner tokens only need to be unique within this process.
  let tokens = 0

  function evictOldest(): void {
    let next = oldest.next()
    if (next.done) {
      oldest = entries.keys()
      next = oldest.next()
    }
    if (!next.done) entries.delete(next.value)
  }

  function touch(id: string, entry: Entry): void {
    entries.delete(id)
    entries.set(id, entry)
    while (entries.size > max) evictOldest()
  }

  function live(id: string): Entry | undefined {
    const entry = entries.get(id)
    if (entry && entry.expiresAt <= now()) {
      entries.delete(id)
      return undefined
    }
    return entry
  }

  return {
    get size() {
      return entries.size
    },
    async claim(id): Promise<ClaimResult> {
      const entry = live(id)
      if (entry) {
        touch(id, entry)
        return entry.done ? { status: 'duplicate' } : { status: 'in_flight' }
      }
      const token = String(++tokens)
      touch(id, { token, done: false, expiresAt: now() + inFlightTtlMs })
      return { status: 'new', token }
    },
    async complete(id, token) {
      const entry = live(id)
      if (entry && entry.token !== token) return
      if (entry) {
        // The claim's own entry, just used: updated in place rather than re-inserted.
        entry.done = true
        entry.expiresAt = now() + ttlMs
      } else {
        touch(id, { token, done: true, expiresAt: now() + ttlMs })
      }
    },
    async release(id, token) {
      const entry = live(id)
      if (entry?.token === token && !entry.done) entries.delete(id)
    },
  }
}
