/**
 * The base of every error this client throws. `code` is machine-readable: the API's error code for an
 * {@link APIError} (`resource_missing`, …), or one of the client's own (`missing_api_key`, `connection_error`,
 * `timeout`, `aborted`, `response_invalid`, …).
 *
 * @example
 * ```ts
 * try {
 *   await op.customers.get('cus_123')
 * } catch (error) {
 *   if (error instanceof OctopusProError) console.error(error.code, error.message)
 * }
 * ```
 */
export class OctopusProError extends Error {
  override name = 'OctopusProError'
  /** A machine-readable code for the error. */
  readonly code: string

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}
