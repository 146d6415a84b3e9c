/** A resource filter that is not plain equality on the field of the same name (e.g. `tag` → `tags` contains). */
export type CustomFilter<T> = (item: T, value: never) => boolean

/** How a list reads the time of an item (events have `timestamp`, everything else `created_at`/`updated_at`). */
export interface TimeOf<T> {
  created(item: T): string
  updated(item: T): string
}

const CURSOR_KEYS = new Set(['limit', 'starting_after', 'ending_before'])

function stamp(value: string): number {
  return Date.parse(value)
}

const defaultTime: TimeOf<{ created_at: string; updated_at: string }> = {
  created: (item) => item.created_at,
  updated: (item) => item.updated_at,
}

/**
 * The predicate of a list query: the common time windows (`created_after`/`created_before`/`updated_after`,
 * exclusive) and every resource filter — equality on the field of the same name unless `custom` says otherwise.
 */
export function listPredicate<T extends object>(
  query: Readonly<Record<string, unknown>>,
  custom: Readonly<Record<string, CustomFilter<T>>> = {},
  time: TimeOf<T> = defaultTime as unknown as TimeOf<T>,
): (item: T) => boolean {
  const checks: ((item: T) => boolean)[] = []
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || CURSOR_KEYS.has(key)) continue
    if (key === 'created_after') checks.push((item) => stamp(time.created(item)) > stamp(value as string))
    else if (key === 'created_before') checks.push((item) => stamp(time.created(item)) < stamp(value as string))
    else if (key === 'updated_after') checks.push((item) => stamp(time.updated(item)) > stamp(value as string))
    else {
      const filter = custom[key]
      checks.push(
        filter ? (item) => filter(item, value as never) : (item) => (item as Record<string, unknown>)[key] === value,
      )
    }
  }
  return (item) => checks.every((check) => check(item))
}
