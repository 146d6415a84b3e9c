import { type IssueDetail, validate } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { APIError } from '../api-error.js'

/** Where a value came from, as messages name it. Credentials and settings are nested in a body. */
export type InputPart = 'body' | 'query' | 'credentials' | 'settings'

const UNKNOWN = 'unknown parameter'

/**
 * The 400 of a value that failed its schema: `unknown_parameter` when a key is not allowed, `parameter_missing`
 * when the first problem is a missing field, `parameter_invalid` otherwise; `param` names that field and
 * `details` lists every problem.
 */
export function validationError(problems: readonly IssueDetail[], part: InputPart): APIError {
  const nested = part === 'credentials' || part === 'settings'
  const details = problems.map(({ path, message }) => ({
    path: nested ? (path ? `${part}.${path}` : part) : path,
    message,
  }))
  const unknown = details.filter((d) => d.message.startsWith(UNKNOWN)).map((d) => d.path)
  if (unknown[0] !== undefined) {
    const names = unknown.map((path) => `'${path}'`).join(', ')
    return new APIError(
      'unknown_parameter',
      `Unknown ${part} parameter${unknown.length > 1 ? 's' : ''} ${names}; remove ` +
        `${unknown.length > 1 ? 'them' : 'it'} or check the spelling`,
      {
        param: unknown[0],
        details,
      },
    )
  }
  const first = details[0]
  const summary = details.map((d) => (d.path ? `${d.path} ${d.message}` : `the ${part} ${d.message}`)).join('; ')
  return new APIError(first?.message === 'is required' ? 'parameter_missing' : 'parameter_invalid', summary, {
    param: first?.path || undefined,
    details,
  })
}

/** Parses a value with a contract schema, or throws the 400 of {@link validationError}. */
export function parseInput<S extends z.ZodMiniType>(schema: S, value: unknown, part: InputPart): z.output<S> {
  const result = validate(schema, value)
  if (!result.success) throw validationError(result.details, part)
  return result.data
}
