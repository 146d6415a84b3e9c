import * as z from 'zod/mini'

/**
 * Every error code of the API, with its HTTP status and error type (wire contract §1).
 *
 * @example
 * ```ts
 * errorCodes.resource_missing // { status: 404, type: 'not_found_error' }
 * ```
 */
export const errorCodes = {
  invalid_json: { status: 400, type: 'invalid_request_error' },
  unknown_parameter: { status: 400, type: 'invalid_request_error' },
  parameter_invalid: { status: 400, type: 'invalid_request_error' },
  parameter_missing: { status: 400, type: 'invalid_request_error' },
  api_key_missing: { status: 401, type: 'authentication_error' },
  api_key_invalid: { status: 401, type: 'authentication_error' },
  api_key_revoked: { status: 401, type: 'authentication_error' },
  api_key_expired: { status: 401, type: 'authentication_error' },
  api_key_read_only: { status: 403, type: 'permission_error' },
  plan_required: { status: 403, type: 'permission_error' },
  resource_missing: { status: 404, type: 'not_found_error' },
  route_not_found: { status: 404, type: 'not_found_error' },
  method_not_allowed: { status: 405, type: 'invalid_request_error' },
  idempotency_key_reused: { status: 409, type: 'conflict_error' },
  idempotency_key_in_use: { status: 409, type: 'conflict_error' },
  invalid_state_transition: { status: 409, type: 'conflict_error' },
  resource_in_use: { status: 409, type: 'conflict_error' },
  payload_too_large: { status: 413, type: 'invalid_request_error' },
  unsupported_media_type: { status: 415, type: 'invalid_request_error' },
  reference_invalid: { status: 422, type: 'invalid_request_error' },
  amount_invalid: { status: 422, type: 'invalid_request_error' },
  rate_limited: { status: 429, type: 'rate_limit_error' },
  internal_error: { status: 500, type: 'api_error' },
  injected_fault: { status: 500, type: 'api_error' },
} as const satisfies Record<string, { status: number; type: string }>

/** A machine-readable error code. @example `const code: ErrorCode = 'idempotency_key_reused'` */
export type ErrorCode = keyof typeof errorCodes

/** The error types. @example `ErrorType.parse('not_found_error')` */
export const ErrorType = z.enum([
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'not_found_error',
  'conflict_error',
  'rate_limit_error',
  'api_error',
])

/**
 * The body of every error response: `{ error: { type, code, message, param?, details?, request_id } }`.
 * `code` is a string (not an enum) so that codes added later still parse.
 *
 * @example
 * ```ts
 * const { error } = ErrorBody.parse(await res.json())
 * if (error.code === 'resource_missing') …
 * ```
 */
export const ErrorBody = z.object({
  error: z.object({
    type: ErrorType,
    code: z.string(),
    message: z.string(),
    param: z.optional(z.string()),
    details: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
    request_id: z.string(),
  }),
})

/** An error response body. @example `const { error }: ErrorBody = await response.json()` */
export type ErrorBody = z.output<typeof ErrorBody>
/**
 * The `error` object of an error response.
 *
 * @example `function describe(error: ErrorObject) { return error.code + ': ' + error.message }`
 */
export type ErrorObject = ErrorBody['error']
