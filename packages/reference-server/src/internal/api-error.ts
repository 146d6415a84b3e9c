import { type ErrorCode, type ErrorObject, errorCodes, type IssueDetail } from '@octopuspro/contract'

/** What an {@link APIError} carries besides its code and message. */
export interface APIErrorOptions {
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
 * the wire contract's error body.
 */
export class APIError extends Error {
  override readonly name = 'APIError'
  readonly code: ErrorCode
  readonly status: number
  readonly type: ErrorObject['type']
  readonly param: string | undefined
  readonly details: IssueDetail[] | undefined
  readonly headers: Record<string, string>

  constructor(code: ErrorCode, message: string, options: APIErrorOptions = {}) {
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

/** Whether a value is an {@link APIError}. */
export function isAPIError(value: unknown): value is APIError {
  return value instanceof APIError
}

/** `404 resource_missing` for an id that names nothing. */
export function resourceMissing(label: string, id: string, listPath: string): APIError {
  return new APIError(
    'resource_missing',
    `No ${label} with id '${id}'; check the id, or list them with GET /v1${listPath}`,
    {
      param: 'id',
    },
  )
}
