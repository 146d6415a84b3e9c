import type { ErrorObject } from '@octopuspro/contract'
import { OctopusProError } from './octopuspro-error.js'

/**
 * The API answered with an error status. Fields come from the error body (wire contract §1): `code` is the API's
 * machine-readable code (`resource_missing`, `idempotency_key_reused`, …, or `http_<status>` when the answer had
 * no OctopusPro error body), `param` the offending field, `details` one entry per invalid field, `requestId` the
 * id to quote to support. Each status has its own subclass; {@link APIError.generate} picks it.
 *
 * The status subclasses live in this file because `generate` must know them and they must extend `APIError`:
 * split into modules, that is an import cycle between classes, which ES modules cannot evaluate.
 *
 * @example
 * ```ts
 * try {
 *   await op.payments.approve(id)
 * } catch (error) {
 *   if (error instanceof ConflictError && error.code === 'invalid_state_transition') return
 *   throw error
 * }
 * ```
 */
export class APIError extends OctopusProError {
  override name = 'APIError'
  /** The HTTP status. */
  readonly status: number
  /** The error type, e.g. `not_found_error`; `undefined` when the answer had no error body. */
  readonly type: ErrorObject['type'] | undefined
  /** The request field the error is about, when there is one. */
  readonly param: string | undefined
  /** One `{ path, message }` per invalid field, for validation errors. */
  readonly details: ErrorObject['details']
  /** The request id (`req_…`) from the body or the `x-request-id` header. */
  readonly requestId: string | undefined
  /** The response headers. */
  readonly headers: Headers

  constructor(status: number, error: ErrorObject | undefined, headers: Headers) {
    super(error?.code ?? `http_${status}`, describe(status, error))
    this.status = status
    this.type = error?.type
    this.param = error?.param
    this.details = error?.details
    this.requestId = error?.request_id ?? headers.get('x-request-id') ?? undefined
    this.headers = headers
  }

  /**
   * The error for a status: `BadRequestError` for 400, `NotFoundError` for 404, `InternalServerError` for any
   * 5xx, … and `APIError` itself for other statuses.
   *
   * @example
   * ```ts
   * APIError.generate(
   *   404,
   *   {
   *     type: 'not_found_error',
   *     code: 'resource_missing',
   *     message: "customer 'cus_1' does not exist",
   *     request_id: 'req_1',
   *   },
   *   new Headers(),
   * )
   * // NotFoundError: 404 resource_missing: customer 'cus_1' does not exist
   * ```
   */
  static generate(status: number, error: ErrorObject | undefined, headers: Headers = new Headers()): APIError {
    const ErrorClass = statusErrors[status] ?? (status >= 500 ? InternalServerError : APIError)
    return new ErrorClass(status, error, headers)
  }
}

function describe(status: number, error: ErrorObject | undefined): string {
  if (error) return `${status} ${error.code}: ${error.message}`
  return (
    `${status} status code with no OctopusPro error body; check that baseUrl points at the OctopusPro API (it ` +
    `ends in /v1)`
  )
}

/**
 * 400: the request is malformed (bad JSON, unknown or invalid parameter); `param` and `details` say which.
 *
 * @example `error instanceof BadRequestError && error.param`
 */
export class BadRequestError extends APIError {
  override name = 'BadRequestError'
  declare readonly status: 400
}

/**
 * 401: the API key is missing, unknown, revoked or expired.
 *
 * @example `if (error instanceof AuthenticationError) rotateKey()`
 */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError'
  declare readonly status: 401
}

/**
 * 403: the key is read-only, or the account's plan lacks the feature (`plan_required`).
 *
 * @example `error instanceof PermissionDeniedError && error.code === 'plan_required'`
 */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError'
  declare readonly status: 403
}

/**
 * 404: no object with that id (or no such route).
 *
 * @example
 * ```ts
 * const customer = await op.customers.get(id).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)))
 * ```
 */
export class NotFoundError extends APIError {
  override name = 'NotFoundError'
  declare readonly status: 404
}

/**
 * 409: an illegal state transition, an object still in use, or an idempotency key clash.
 *
 * @example `error instanceof ConflictError && error.code === 'resource_in_use'`
 */
export class ConflictError extends APIError {
  override name = 'ConflictError'
  declare readonly status: 409
}

/** 413: the request body is over 1 MiB. @example `error instanceof PayloadTooLargeError` */
export class PayloadTooLargeError extends APIError {
  override name = 'PayloadTooLargeError'
  declare readonly status: 413
}

/** 415: the request body is not JSON. @example `error instanceof UnsupportedMediaTypeError` */
export class UnsupportedMediaTypeError extends APIError {
  override name = 'UnsupportedMediaTypeError'
  declare readonly status: 415
}

/**
 * 422: the body is well-formed but refers to something that does not exist or an amount that is not allowed.
 *
 * @example `error instanceof UnprocessableEntityError && error.param`
 */
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError'
  declare readonly status: 422
}

/**
 * 429: too many requests for this key; retried automatically after `Retry-After`.
 *
 * @example `error instanceof RateLimitError && error.headers.get('retry-after')`
 */
export class RateLimitError extends APIError {
  override name = 'RateLimitError'
  declare readonly status: 429
}

/**
 * 5xx: the server failed; retried automatically before it is thrown.
 *
 * @example `error instanceof InternalServerError && error.requestId`
 */
export class InternalServerError extends APIError {
  override name = 'InternalServerError'
}

const statusErrors: Partial<Record<number, typeof APIError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  415: UnsupportedMediaTypeError,
  422: UnprocessableEntityError,
  429: RateLimitError,
}
