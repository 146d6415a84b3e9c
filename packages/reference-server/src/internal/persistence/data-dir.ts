import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ReferenceServerError } from '../../errors.js'
import type { ReferenceServerSnapshot } from '../../snapshot.js'
import { openSqlite, type SqliteDatabase, type SqliteStatement } from './load-sqlite.js'

/** The file in the data dir. */
export const DATA_FILE = 'reference-server.sqlite'
const FORMAT = '1'

/**
 * The state is a set of documents by table and id; reads are served from memory, so SQLite only keeps them: one
 * row per entry, plus `meta` (format, the ready key's secret, the snapshot counters).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entries (
  tbl TEXT NOT NULL,
  id TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (tbl, id)
) WITHOUT ROWID;
`

/** One written entry: its new value, or `undefined` when it is gone. */
export interface EntryWrite {
  table: string
  id: string
  value: object | undefined
}

/** What a data dir holds: the state as a snapshot, and the secret of the server's ready key. */
export interface StoredState {
  snapshot: ReferenceServerSnapshot
  apiKey: string
}

function invalid(message: string): never {
  throw new ReferenceServerError('data_dir_invalid', message)
}

/**
 * The SQLite file of a server's data dir. WAL with `synchronous = NORMAL`: a committed write is in the file before
 * `write` returns, so it survives the process being killed (an OS crash may lose the last ones). The file is
 * locked exclusively while the server runs, so a second server on the same dir fails at once.
 *
 * @example
 * ```ts
 * const dir = DataDir.open('/tmp/octopuspro')
 * const stored = dir.read() // undefined the first time
 * dir.write([{ table: 'customers', id: 'cus_1', value: customer }], meta)
 * dir.close()
 * ```
 */
export class DataDir {
  readonly #db: SqliteDatabase
  readonly #upsert: SqliteStatement
  readonly #remove: SqliteStatement
  readonly #setMeta: SqliteStatement
  readonly #write: (writes: readonly EntryWrite[], meta: ReferenceServerSnapshot['meta']) => void
  readonly #replaceAll: (snapshot: ReferenceServerSnapshot, apiKey: string) => void

  private constructor(db: SqliteDatabase) {
    this.#db = db
    this.#upsert = db.prepare('INSERT OR REPLACE INTO entries (tbl, id, value) VALUES (?, ?, ?)')
    this.#remove = db.prepare('DELETE FROM entries WHERE tbl = ? AND id = ?')
    this.#setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
    this.#write = db.transaction((writes: readonly EntryWrite[], meta: ReferenceServerSnapshot['meta']) => {
      for (const { table, id, value } of writes) {
        if (value === undefined) this.#remove.run(table, id)
        else this.#upsert.run(table, id, JSON.stringify(value))
      }
      this.#setMeta.run('counters', JSON.stringify(meta))
    })
    this.#replaceAll = db.transaction((snapshot: ReferenceServerSnapshot, apiKey: string) => {
      db.exec('DELETE FROM entries')
      for (const [table, entries] of Object.entries(snapshot.tables)) {
        for (const entry of entries) this.#upsert.run(table, entry.id, JSON.stringify(entry))
      }
      this.#setMeta.run('format', FORMAT)
      this.#setMeta.run('api_key', apiKey)
      this.#setMeta.run('counters', JSON.stringify(snapshot.meta))
    })
  }

  /** Opens the dir's database, creating the dir and the file when missing. */
  static open(dir: string, sqliteModule?: string): DataDir {
    if (typeof dir !== 'string' || dir === '') invalid('dataDir must be the path of a directory, e.g. ./.octopuspro')
    try {
      mkdirSync(dir, { recursive: true })
    } catch (error) {
      invalid(`dataDir ${dir} cannot be created: ${(error as Error).message}`)
    }
    const file = join(dir, DATA_FILE)
    const db = openSqlite(file, sqliteModule)
    try {
      db.pragma('locking_mode = EXCLUSIVE')
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
      db.exec(SCHEMA)
    } catch (error) {
      db.close()
      const message = (error as Error).message
      if (/locked|busy/i.test(message)) {
        invalid(`dataDir ${dir} is in use by another reference server; stop it, or give this one another dir`)
      }
      invalid(
        `dataDir ${dir}: ${file} is not a reference server database (${message}); move it away or use another dir`,
      )
    }
    return new DataDir(db)
  }

  /** The stored state, or `undefined` for a new dir. */
  read(): StoredState | undefined {
    const meta = new Map(
      (this.#db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((row) => [
        row.key,
        row.value,
      ]),
    )
    const format = meta.get('format')
    if (format === undefined) return undefined
    if (format !== FORMAT) invalid(`the data dir is of format ${format}; this server reads format ${FORMAT}`)
    const tables: Record<string, object[]> = {}
    const rows = this.#db.prepare('SELECT tbl, id, value FROM entries ORDER BY tbl, id').all() as {
      tbl: string
      value: string
    }[]
    for (const { tbl, value } of rows) (tables[tbl] ??= []).push(JSON.parse(value) as object)
    const snapshot = {
      format: 1,
      tables,
      meta: JSON.parse(meta.get('counters') ?? 'null'),
    } as ReferenceServerSnapshot
    return { snapshot, apiKey: meta.get('api_key') ?? '' }
  }

  /** Writes what changed, and the counters, in one transaction. */
  write(writes: readonly EntryWrite[], meta: ReferenceServerSnapshot['meta']): void {
    this.#write(writes, meta)
  }

  /** Replaces everything with a snapshot (a new dir's seed, `reset()`, `restore()`). */
  replaceAll(snapshot: ReferenceServerSnapshot, apiKey: string): void {
    this.#replaceAll(snapshot, apiKey)
  }

  close(): void {
    this.#db.close()
  }
}
