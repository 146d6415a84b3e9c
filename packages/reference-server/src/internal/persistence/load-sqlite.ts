import { createRequire } from 'node:module'
import { ReferenceServerError } from '../../errors.js'

/** A prepared statement: the part of better-sqlite3's API the data dir uses. */
export interface SqliteStatement {
  run(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
}

/** An open database: the part of better-sqlite3's API the data dir uses. */
export interface SqliteDatabase {
  exec(sql: string): void
  pragma(sql: string): unknown
  prepare(sql: string): SqliteStatement
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void
  close(): void
}

/** better-sqlite3's default export: `new Database(file, options)`. */
type SqliteConstructor = new (file: string, options?: { timeout?: number }) => SqliteDatabase

const INSTALL =
  'npm install --save-dev better-sqlite3@12 (pnpm add -D better-sqlite3@12; ' +
  'pnpm 10 also needs it in onlyBuiltDependencies)'

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
}

function missing(moduleName: string, problem: string): ReferenceServerError {
  return new ReferenceServerError(
    'sqlite_missing',
    `dataDir keeps the server's state in SQLite through the optional peer dependency ${moduleName}, ` +
      `which ${problem}. Install it: ${INSTALL}`,
  )
}

/**
 * Opens (or creates) a SQLite file with better-sqlite3, which is loaded only here: servers in memory never load it.
 * A module that is missing, or whose native addon was not built, is a `sqlite_missing` error that says how to
 * install it; any other failure is `data_dir_invalid`.
 *
 * @example
 * ```ts
 * const db = openSqlite('/tmp/data/reference-server.sqlite')
 * ```
 */
export function openSqlite(file: string, moduleName = 'better-sqlite3'): SqliteDatabase {
  let Database: SqliteConstructor
  try {
    Database = createRequire(import.meta.url)(moduleName) as SqliteConstructor
  } catch (error) {
    throw missing(moduleName, `could not be loaded (${firstLine(error)})`)
  }
  try {
    // No busy wait: a data dir another process holds is an error at once, not a hang.
    return new Database(file, { timeout: 0 })
  } catch (error) {
    const message = firstLine(error)
    if (/bindings|\.node\b|dlopen/i.test(message))
      throw missing(moduleName, `has no native addon built (${message}; pnpm rebuild better-sqlite3 builds it)`)
    throw new ReferenceServerError('data_dir_invalid', `cannot open ${file}: ${message}`)
  }
}
