import { type ErrorCode, type ErrorObject, errorCodes, type IssueDetail } from '@octopuspro/contract'

/** What an {@link ApiError} carries besides its code and message. */
export interface ApiErrorOptions {
  param?: string | undefined
  details?: IssueDetail[] | undefined
  /** Extra response headers, e.g. `Retry-After` or `Allow`. */
  headers?: Record<string, string> | undefined
  /** Overrides the status and type of the code (injected faults answer any status). */
  status?: number | undefined
  type?: ErrorObject['type'] | undefined
}

/**
 * An error the API answers with: a machine-readable `code` of the contract's `errorCodes` (which fixes the status
 * and type) and a message that says how to fix the request. Thrown anywhere in a request; the app turns it into
 * the api.md error body.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly code: ErrorCode
  readonly status: number
  readonly type: ErrorObject['type']
  readonly param: string | undefined
  readonly details: IssueDetail[] | undefined
  readonly headers: Record<string, string>

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message)
    this.code = code
    this.status = options.status ?? errorCodes[code].status
    this.type = options.type ?? errorCodes[code].type
    this.param = options.param
    this.details = options.details
    this.headers = options.headers ?? {}
  }

  /** The `error` object of the response body. */
  toBody(requestId: string): { error: ErrorObject } {
    const error: ErrorObject = {
      type: this.type,
      code: this.code,
      message: this.message,
      ...(this.param !== undefined && { param: this.param }),
      ...(this.details !== undefined && { details: this.details }),
      request_id: requestId,
    }
    return { error }
  }
}

/** Whether a value is an {@link ApiError}. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

/** `404 resource_missing` for an id that names nothing. */
export function resourceMissing(label: string, id: string, listPath: string): ApiError {
  return new ApiError(
    'resource_missing',
    `No ${label} with id '${id}'; check the id, or list them with GET /v1${listPath}`,
    {
      param: 'id',
    },
  )
}
