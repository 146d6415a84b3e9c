/**
 * What went wrong when setting up or driving the reference server (not an HTTP error: those are API responses).
 *
 * @example
 * ```ts
 * const code: ReferenceServerErrorCode = 'fixtures_invalid'
 * ```
 */
export type ReferenceServerErrorCode =
  | 'invalid_option'
  | 'fixtures_invalid'
  | 'wait_timeout'
  | 'server_closed'
  | 'snapshot_invalid'
  | 'sqlite_missing'
  | 'data_dir_invalid'

/**
 * Thrown by `createReferenceServer`, `startReferenceServer`, `server.faults.add`, the `waitFor`s and
 * `server.restore` when an option, a fixture, a wait, a snapshot or the data dir cannot be satisfied (`sqlite_missing`:
 * `dataDir` needs better-sqlite3 installed); `code` says which, the message says how to fix it.
 *
 * @example
 * ```ts
 * try {
 *   createReferenceServer({ apiKey: 'nope' })
 * } catch (error) {
 *   if (error instanceof ReferenceServerError && error.code === 'invalid_option') console.error(error.message)
 * }
 * ```
 */
export class ReferenceServerError extends Error {
  override readonly name: string = 'ReferenceServerError'
  readonly code: ReferenceServerErrorCode

  constructor(code: ReferenceServerErrorCode, message: string) {
    super(message)
    this.code = code
  }
}

/**
 * `server.events.waitFor` or `server.deliveries.waitFor` saw nothing match in time (code `wait_timeout`). The
 * message names the filter, and for deliveries the latest ones.
 *
 * @example
 * ```ts
 * await expect(server.events.waitFor({ type: 'user.created' }, { timeout: 50 })).rejects.toThrow(WaitTimeoutError)
 * ```
 */
export class WaitTimeoutError extends ReferenceServerError {
  override readonly name: string = 'WaitTimeoutError'

  constructor(message: string) {
    super('wait_timeout', message)
  }
}
