import { OctopusProError } from './octopuspro-error.js'

/**
 * The request never got an answer: DNS failure, refused or reset connection, or a `fetch` that threw. `cause` holds
 * the underlying error. Retried automatically (see `maxRetries`) before it is thrown.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof APIConnectionError) console.error('is the server up?', error.cause)
 * }
 * ```
 */
export class APIConnectionError extends OctopusProError {
  override name = 'APIConnectionError'

  constructor(options: { cause?: unknown; message?: string; code?: string } = {}) {
    super(
      options.code ?? 'connection_error',
      options.message ??
        `Could not reach the OctopusPro API${causeMessage(options.cause)}; check baseUrl and your network, then retry`,
      { cause: options.cause },
    )
  }
}

function causeMessage(cause: unknown): string {
  return cause instanceof Error && cause.message ? ` (${cause.message})` : ''
}
