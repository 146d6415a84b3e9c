import { parseFast, type RouteDefinition } from '@octopuspro/contract'
import { APIConnectionError } from '../errors/api-connection-error.js'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import type { AttemptInfo } from './types.js'

/**
 * Reads a 2xx body as JSON and, when `validate` is on, parses it with the route's response schema (so the result
 * is exactly what the contract promises, unknown fields dropped).
 *
 * @example
 * ```ts
 * const customer = await readResponse(response, routes.customers.get, info, true)
 * ```
 */
export async function readResponse(
  response: Response,
  route: RouteDefinition,
  info: AttemptInfo,
  validate: boolean,
): Promise<unknown> {
  let text: string
  try {
    text = await response.text()
  } catch (cause) {
    throw new APIConnectionError({ cause })
  }
  const failure = () => ({
    method: info.method,
    path: info.path,
    status: response.status,
    requestId: response.headers.get('x-request-id') ?? undefined,
  })
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ResponseValidationError({ ...failure(), issues: [], reason: 'the body is not JSON' })
  }
  if (!validate) return body
  const result = parseFast(route.response, body)
  if (!result.success) throw new ResponseValidationError({ ...failure(), issues: result.error.issues })
  return result.data
}
