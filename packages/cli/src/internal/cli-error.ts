/**
 * Why a command failed: `usage` (the command line is wrong: exit 2) or `failed` (the command ran and could not
 * finish: exit 1).
 *
 * @example
 * ```ts
 * const code: CliErrorCode = 'usage'
 * ```
 */
export type CliErrorCode = 'usage' | 'failed'

/**
 * A failure the CLI reports as one line on stderr (`octopuspro: <message>`), the message saying how to fix it.
 *
 * @example
 * ```ts
 * throw new CliError('usage', "'--port abc' is not a port; use a number from 0 to 65535")
 * ```
 */
export class CliError extends Error {
  override readonly name = 'CliError'
  readonly code: CliErrorCode

  constructor(code: CliErrorCode, message: string) {
    super(message)
    this.code = code
  }

  /** The process exit code: 2 for a bad command line, 1 otherwise. */
  get exitCode(): number {
    return this.code === 'usage' ? 2 : 1
  }
}

/** Throws a `usage` error: the command line asks for something that cannot be done. */
export function usageError(message: string): never {
  throw new CliError('usage', message)
}
