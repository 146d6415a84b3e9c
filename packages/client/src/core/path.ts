import { OctopusProError } from '../errors/octopuspro-error.js'

/**
 * A template tag that percent-encodes every interpolated value as ONE path segment, so an id can never add
 * segments, a query or a fragment (`'../api-keys'`, `'a/b'`, `'x?y'`). Empty, `.` and `..` values are refused:
 * even encoded, URL resolution would give them a meaning.
 *
 * @example
 * ```ts
 * path`/customers/${id}` // id 'cus_1/../x' → '/customers/cus_1%2F..%2Fx'
 * ```
 */
export function path(strings: readonly string[], ...values: readonly string[]): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? encodeSegment(values[i]!) : ''), '')
}

/**
 * Fills the `{id}` of a route-table path such as `/customers/{id}` through {@link path}.
 *
 * @example
 * ```ts
 * routePath('/payments/{id}/approve', 'pay_1') // '/payments/pay_1/approve'
 * ```
 */
export function routePath(template: string, id?: string): string {
  return id === undefined ? template : path(template.split('{id}'), id)
}

function encodeSegment(value: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
    throw new OctopusProError(
      'invalid_path_parameter',
      `${JSON.stringify(value)} is not a usable id; pass the object's id, e.g. 'cus_01jd…'`,
    )
  }
  return encodeURIComponent(value)
}
