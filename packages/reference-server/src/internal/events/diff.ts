function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The old values of the fields that differ between two snapshots (wire contract `previous_attributes`), or `null` when
 * nothing but `updated_at` differs — such a change is no change at all.
 */
export function previousAttributes<T extends object>(before: T, after: T): Partial<T> | null {
  const previous: Partial<T> = {}
  let changed = false
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (same(before[key], after[key])) continue
    previous[key] = before[key]
    if (key !== 'updated_at') changed = true
  }
  return changed ? previous : null
}
