import { APIConnectionError } from './api-connection-error.js'

/**
 * An attempt took longer than `timeout` ms (the client's option, or the call's). Retried automatically before it
 * is thrown; raise `timeout` for slow calls.
 *
 * @example
 * ```ts
 * await op.customers.list({}, { timeout: 120_000 })
 * ```
 */
export class APITimeoutError extends APIConnectionError {
  override name = 'APITimeoutError'
  /** The timeout that was exceeded, in milliseconds. */
  readonly timeout: number

  constructor(timeout: number) {
    super({
      code: 'timeout',
      message: `The request timed out after ${timeout} ms; pass a larger \`timeout\` to the client or to this call`,
    })
    this.timeout = timeout
  }
}
