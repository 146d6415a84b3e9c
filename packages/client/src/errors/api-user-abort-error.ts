import { OctopusProError } from './octopuspro-error.js'

/**
 * The call was cancelled through the `signal` you passed. Never retried. `cause` is the signal's reason.
 *
 * @example
 * ```ts
 * const controller = new AbortController()
 * const call = op.customers.list({}, { signal: controller.signal })
 * controller.abort()
 * await call.catch((error) => error instanceof APIUserAbortError) // true
 * ```
 */
export class APIUserAbortError extends OctopusProError {
  override name = 'APIUserAbortError'

  constructor(options: { cause?: unknown } = {}) {
    super('aborted', 'The request was aborted by its signal', options)
  }
}
