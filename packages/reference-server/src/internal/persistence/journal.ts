import type { ReferenceServerSnapshot } from '../../snapshot.js'
import type { DataDir, EntryWrite } from './data-dir.js'

/** Where the journal reads what to write (an entry as it is now, and the counters) and reports a failed write. */
export interface JournalSource {
  entry(table: string, id: string): object | undefined
  meta(): ReferenceServerSnapshot['meta']
  /** A write on a microtask failed (the disk is full, say); what it held stays marked for the next one. */
  writeFailed(error: unknown): void
}

/**
 * Which entries changed since the last write to the data dir, written together: on a microtask after the change
 * (deliveries, which change outside requests) or when the request ends, before its response goes out — whichever
 * comes first. An entry is read when it is written, so many changes to it make one row.
 *
 * @example
 * ```ts
 * const journal = new Journal(dataDir, source)
 * journal.mark('customers', 'cus_1')
 * journal.flush() // one transaction
 * ```
 */
export class Journal {
  readonly #dataDir: DataDir
  readonly #source: JournalSource
  /** `table id` → the entry to write. */
  readonly #changed = new Map<string, { table: string; id: string }>()
  #scheduled = false
  #closed = false

  constructor(dataDir: DataDir, source: JournalSource) {
    this.#dataDir = dataDir
    this.#source = source
  }

  mark(table: string, id: string): void {
    this.#changed.set(`${table} ${id}`, { table, id })
    if (this.#scheduled) return
    this.#scheduled = true
    queueMicrotask(() => {
      try {
        this.flush()
      } catch (error) {
        this.#source.writeFailed(error)
      }
    })
  }

  /** Writes every changed entry in one transaction; nothing to do when nothing changed. Throws what SQLite throws. */
  flush(): void {
    this.#scheduled = false
    if (this.#closed || this.#changed.size === 0) return
    const writes: EntryWrite[] = []
    for (const { table, id } of this.#changed.values()) writes.push({ table, id, value: this.#source.entry(table, id) })
    this.#dataDir.write(writes, this.#source.meta())
    this.#changed.clear()
  }

  /** Replaces the whole stored state (what was marked is in it). */
  replaceAll(snapshot: ReferenceServerSnapshot, apiKey: string): void {
    this.#changed.clear()
    this.#dataDir.replaceAll(snapshot, apiKey)
  }

  /** Writes what is left, then closes the data dir. */
  close(): void {
    if (this.#closed) return
    this.flush()
    this.#closed = true
    this.#dataDir.close()
  }
}
