import { APIConnectionError } from './api-connection-error.js'
import { APIError } from './api-error.js'
import { APITimeoutError } from './api-timeout-error.js'
import { APIUserAbortError } from './api-user-abort-error.js'
import { OctopusProError } from './octopuspro-error.js'
import { ResponseValidationError } from './response-validation-error.js'

// Guards check the name too, so an error thrown by another copy of this package (another realm, a duplicated
// install) is still recognised; `instanceof` alone would miss it.
const apiErrorNames = [
  'APIError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'PayloadTooLargeError',
  'UnsupportedMediaTypeError',
  'UnprocessableEntityError',
  'RateLimitError',
  'InternalServerError',
]
const connectionErrorNames = ['APIConnectionError', 'APITimeoutError']
const errorNames = [
  'OctopusProError',
  'APIUserAbortError',
  'ResponseValidationError',
  ...apiErrorNames,
  ...connectionErrorNames,
]

function named(error: unknown, names: readonly string[]): boolean {
  return typeof error === 'object' && error !== null && names.includes((error as { name?: unknown }).name as string)
}

/** Any error of this client. @example `if (isOctopusProError(error)) console.error(error.code)` */
export function isOctopusProError(error: unknown): error is OctopusProError {
  return error instanceof OctopusProError || named(error, errorNames)
}

/**
 * An error status from the API (any `APIError` subclass).
 *
 * @example `if (isAPIError(error) && error.status === 404) return null`
 */
export function isAPIError(error: unknown): error is APIError {
  return error instanceof APIError || named(error, apiErrorNames)
}

/** No answer from the API (includes timeouts). @example `if (isAPIConnectionError(error)) scheduleLater()` */
export function isAPIConnectionError(error: unknown): error is APIConnectionError {
  return error instanceof APIConnectionError || named(error, connectionErrorNames)
}

/** An attempt exceeded `timeout`. @example `if (isAPITimeoutError(error)) console.warn(error.timeout)` */
export function isAPITimeoutError(error: unknown): error is APITimeoutError {
  return error instanceof APITimeoutError || named(error, ['APITimeoutError'])
}

/** The call was cancelled by its `signal`. @example `if (isAPIUserAbortError(error)) return` */
export function isAPIUserAbortError(error: unknown): error is APIUserAbortError {
  return error instanceof APIUserAbortError || named(error, ['APIUserAbortError'])
}

/** A response broke the contract. @example `if (isResponseValidationError(error)) console.error(error.details)` */
export function isResponseValidationError(error: unknown): error is ResponseValidationError {
  return error instanceof ResponseValidationError || named(error, ['ResponseValidationError'])
}
