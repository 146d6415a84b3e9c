import { describeIssues, type IssueDetail, summarizeIssues } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { OctopusProError } from './octopuspro-error.js'

/**
 * A 2xx response did not match the contract's schema for that route (or was not JSON): the server and this client
 * disagree about the API. `issues` are zod's, `details` the same as readable `{ path, message }`; `method` and
 * `path` name the call. Never retried. Turn `validateResponses` off to accept such responses as they are.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof ResponseValidationError) console.error(error.path, error.details)
 * }
 * ```
 */
export class ResponseValidationError extends OctopusProError {
  override name = 'ResponseValidationError'
  /** The HTTP method of the call. */
  readonly method: string
  /** The path of the call, relative to `baseUrl`, e.g. `/customers/cus_123`. */
  readonly path: string
  /** The HTTP status of the response. */
  readonly status: number
  /** The request id of the response, when it had one. */
  readonly requestId: string | undefined
  /** zod's issues: what in the body broke the schema, with paths into the body. */
  readonly issues: readonly z.core.$ZodIssue[]
  /** The issues as readable `{ path, message }`. */
  readonly details: IssueDetail[]

  constructor(init: {
    method: string
    path: string
    status: number
    requestId: string | undefined
    issues: readonly z.core.$ZodIssue[]
    reason?: string
  }) {
    const details = describeIssues(init.issues)
    super(
      'response_invalid',
      `${init.method} ${init.path} answered ${init.status} with a body that does not match the contract ` +
        `(${init.reason ?? summarizeIssues(details)}); ` +
        'update @octopuspro/client, or pass validateResponses: false to accept it as it is',
    )
    this.method = init.method
    this.path = init.path
    this.status = init.status
    this.requestId = init.requestId
    this.issues = init.issues
    this.details = details
  }
}
