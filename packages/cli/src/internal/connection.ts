import { OctopusPro } from '@octopuspro/client'
import { usageError } from './cli-error.js'
import { explainError } from './explain-error.js'

/** Where the CLI's API calls go when neither `--base-url` nor `OCTOPUSPRO_BASE_URL` says: `octopuspro server`. */
export const defaultBaseUrl = 'http://127.0.0.1:4010/v1'

/** The server a command talks to and the key it uses. */
export interface Connection {
  baseUrl: string
  apiKey: string
}

const env = (name: string) => process.env[name]?.trim() || undefined

/**
 * The connection from `--base-url`/`--api-key`, else the environment variables the client reads, else the
 * local default. An origin without a path gets `/v1`; a bad URL or a missing key is a `usage` error.
 *
 * @example
 * ```ts
 * resolveConnection({ 'base-url': 'http://127.0.0.1:4010', 'api-key': 'opk_…' }).baseUrl // …:4010/v1
 * ```
 */
export function resolveConnection(values: { 'base-url'?: string; 'api-key'?: string }): Connection {
  const given = values['base-url'] ?? env('OCTOPUSPRO_BASE_URL') ?? defaultBaseUrl
  let url: URL | undefined
  try {
    url = new URL(given)
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol))
    usageError(`--base-url '${given}' is not an http(s) URL; pass one such as ${defaultBaseUrl}`)
  const path = url.pathname.replace(/\/+$/, '')
  const baseUrl = `${url.origin}${path === '' ? '/v1' : path}`
  const apiKey = values['api-key'] ?? env('OCTOPUSPRO_API_KEY')
  if (!apiKey)
    usageError('no API key: pass --api-key opk_… (the key `octopuspro server` printed) or set OCTOPUSPRO_API_KEY')
  return { baseUrl, apiKey }
}

/**
 * Runs `work` with the typed client of the command's connection (one quick retry, so an unreachable server is
 * reported within a second); a failure comes out as a `CliError` naming the server and how to fix the call.
 *
 * @example
 * ```ts
 * const customer = await withApi(values, (op) => op.customers.create({ name: 'Ada' }))
 * ```
 */
export async function withApi<T>(
  values: { 'base-url'?: string; 'api-key'?: string },
  work: (op: OctopusPro, connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = resolveConnection(values)
  try {
    return await work(new OctopusPro({ ...connection, maxRetries: 1, timeout: 15_000 }), connection)
  } catch (error) {
    throw explainError(error, connection)
  }
}
