import { ErrorBody } from '@octopuspro/contract'
import { APIConnectionError } from '../errors/api-connection-error.js'
import { APIError } from '../errors/api-error.js'
import { APITimeoutError } from '../errors/api-timeout-error.js'
import { APIUserAbortError } from '../errors/api-user-abort-error.js'
import { OctopusProError } from '../errors/octopuspro-error.js'

/** How an attempt ended when it threw. */
export interface AttemptContext {
  /** The attempt's own deadline fired. */
  timedOut: boolean
  /** The deadline, in ms. */
  timeout: number
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined
  /** The API key, so that it can be cut out of any message. */
  apiKey: string
}

/**
 * The one place where whatever an attempt threw becomes this client's error: our deadline → `APITimeoutError`,
 * the caller's signal → `APIUserAbortError`. Errors of this client (an `APIError` from {@link errorFromResponse}, an
 * `APIConnectionError` from a failed `fetch`) pass through; anything else (a hook's own error) is rethrown
 * untouched. The API key is cut out of every message.
 *
 * @example
 * ```ts
 * catch (thrown) { throw await translateError(thrown, context) }
 * ```
 */
export async function translateError(thrown: unknown, context: AttemptContext): Promise<unknown> {
  const error = await translate(thrown, context)
  if (error instanceof OctopusProError && error.message.includes(context.apiKey)) {
    error.message = error.message.replaceAll(context.apiKey, '[redacted API key]')
  }
  return error
}

async function translate(thrown: unknown, { timedOut, timeout, signal }: AttemptContext): Promise<unknown> {
  if (timedOut) return new APITimeoutError(timeout)
  if (signal?.aborted) return new APIUserAbortError({ cause: signal.reason })
  if (thrown instanceof OctopusProError) return thrown
  return thrown
}

/**
 * The `APIError` of an error response, from its body when it is an OctopusPro error body.
 *
 * @example
 * ```ts
 * const error = await errorFromResponse(new Response('{"error":{…}}', { status: 404 }))
 * ```
 */
export async function errorFromResponse(response: Response): Promise<APIError | APIConnectionError> {
  let text: string
  try {
    text = await response.text()
  } catch (cause) {
    return new APIConnectionError({ cause })
  }
  const parsed = ErrorBody.safeParse(parseJson(text))
  return APIError.generate(response.status, parsed.success ? parsed.data.error : undefined, response.headers)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
