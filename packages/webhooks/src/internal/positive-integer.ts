/** Checks a numeric option; throws a `TypeError` naming it when it is not a positive integer. */
export function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new TypeError(`${name} must be a positive integer, got ${value}`)
  return value
}
