import type * as z from 'zod/mini'

/**
 * One readable validation problem: the dotted path of the field and what is wrong with it.
 *
 * @example `const detail: IssueDetail = { path: 'line_items.0.quantity', message: 'must be greater than 0' }`
 */
export interface IssueDetail {
  path: string
  message: string
}

/**
 * Renders a zod path as `line_items.0.quantity`.
 *
 * @example `formatPath(['line_items', 0, 'quantity']) // 'line_items.0.quantity'`
 */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.')
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return 'input' in issue && issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${issue.minimum} characters`
        : `must be at least ${issue.minimum}`
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : `must be at most ${issue.maximum}`
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`
    case 'invalid_format':
      return `must be a valid ${issue.format}`
    case 'unrecognized_keys':
      return `unknown parameter${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`
    case 'invalid_union':
      return 'does not match any allowed shape'
    case 'invalid_key':
    case 'invalid_element':
      return issue.issues[0] ? describe(issue.issues[0]) : 'is invalid'
    default:
      return 'is invalid'
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`
}

/**
 * Turns zod issues into readable `{ path, message }` details, one per problem; an unknown key becomes one detail
 * per key, with the key in the path.
 *
 * @example
 * ```ts
 * const result = CustomerCreate.safeParse({ nme: 'Ada' })
 * if (!result.success) describeIssues(result.error.issues)
 * // [{ path: 'name', message: 'is required' }, { path: 'nme', message: 'unknown parameter: nme' }]
 * ```
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): IssueDetail[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: `unknown parameter: ${key}` }))
      : [{ path: formatPath(issue.path), message: describe(issue) }],
  )
}

/**
 * The result of {@link validate}: the parsed data, or readable details of every problem.
 *
 * @example `const result: ValidationResult<CustomerCreate> = validate(CustomerCreate, body)`
 */
export type ValidationResult<T> = { success: true; data: T } | { success: false; details: IssueDetail[] }

/**
 * Parses `input` with `schema` and, on failure, describes every problem readably (a missing field says
 * "is required", a wrong type "must be a string"). Servers and receivers use it so their 400s read the same.
 *
 * @example
 * ```ts
 * const result = validate(CustomerCreate, body)
 * if (!result.success) return badRequest(result.details)
 * ```
 */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown): ValidationResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true })
  return result.success
    ? { success: true, data: result.data }
    : { success: false, details: describeIssues(result.error.issues) }
}

/**
 * One sentence for a list of details: `name is required; email must be a valid email`.
 *
 * @example
 * ```ts
 * summarizeIssues(describeIssues(result.error.issues))
 * ```
 */
export function summarizeIssues(details: readonly IssueDetail[]): string {
  return details.map((d) => (d.path ? `${d.path} ${d.message}` : d.message)).join('; ')
}
