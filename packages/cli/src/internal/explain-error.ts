import { isAPIConnectionError, isAPIError, isAPITimeoutError } from '@octopuspro/client'
import { CliError } from './cli-error.js'
import type { Connection } from './connection.js'

const serverHint = "start one with 'octopuspro server' or pass --base-url (or set OCTOPUSPRO_BASE_URL)"

/**
 * A failure as the CLI reports it: a `CliError` whose one-line message says what to do. Client errors name the
 * server they failed to reach or the key it refused; API errors keep the server's message, which says how to fix
 * the request.
 *
 * @example
 * ```ts
 * process.stderr.write(`octopuspro: ${explainError(error, connection).message}\n`)
 * ```
 */
export function explainError(error: unknown, connection?: Connection): CliError {
  if (error instanceof CliError) return oneLine(error)
  const at = connection?.baseUrl ?? 'the server'
  if (isAPITimeoutError(error)) return new CliError('failed', `${at} did not answer in time; is it busy? ${serverHint}`)
  if (isAPIConnectionError(error)) return new CliError('failed', `no OctopusPro server answers at ${at}; ${serverHint}`)
  if (isAPIError(error)) {
    if (error.status === 401)
      return new CliError(
        'failed',
        `${at} refused the API key (${error.message}); pass --api-key with the key 'octopuspro server' printed, ` +
          'or set OCTOPUSPRO_API_KEY',
      )
    return oneLine(new CliError('failed', `${error.message} (HTTP ${error.status} ${error.code}, ${error.requestId})`))
  }
  return oneLine(new CliError('failed', error instanceof Error ? error.message : String(error)))
}

function oneLine(error: CliError): CliError {
  return error.message.includes('\n') ? new CliError(error.code, error.message.replace(/\s*\n\s*/g, ' ')) : error
}
