import type { ListPage } from '@octopuspro/contract'
import { APIError } from '../api-error.js'
import { type Identified, searchIds } from './collection.js'

/** The cursor and size parameters every list takes. */
export interface PageParams {
  limit?: number | undefined
  starting_after?: string | undefined
  ending_before?: string | undefined
}

/** Where the items come from: ids in ascending order and a lookup (a {@link Collection} is one). */
export interface PageSource<T> {
  ids(): readonly string[]
  get(id: string): T | undefined
}

/** An array already sorted by id, as a page source. */
export function arraySource<T extends Identified>(items: readonly T[]): PageSource<T> {
  const byId = new Map(items.map((item) => [item.id, item]))
  return { ids: () => items.map((item) => item.id), get: (id) => byId.get(id) }
}

const DEFAULT_LIMIT = 20

/**
 * One page of a list, ascending by id. A cursor is a position, not a lookup, so it keeps working after its object
 * was deleted. `has_more` tells whether more items lie in the direction of travel (after the page, or before it
 * with `ending_before`); `next_cursor` is the id to pass as `starting_after` for the items after the page, or
 * `null` when there are none. With a `prefix`, a cursor must be an id of that kind.
 */
export function paginate<T extends Identified>(
  source: PageSource<T>,
  params: PageParams,
  matches: (item: T) => boolean,
  prefix?: string,
): ListPage<T> {
  const limit = params.limit ?? DEFAULT_LIMIT
  if (params.starting_after !== undefined && params.ending_before !== undefined) {
    throw new APIError('parameter_invalid', 'Pass either starting_after or ending_before, not both', {
      param: 'ending_before',
    })
  }
  for (const param of ['starting_after', 'ending_before'] as const) {
    const cursor = params[param]
    if (cursor !== undefined && prefix !== undefined && !cursor.startsWith(`${prefix}_`)) {
      throw new APIError('parameter_invalid', `${param} must be an id of this list (${prefix}_…), got '${cursor}'`, {
        param,
      })
    }
  }
  const ids = source.ids()
  const take = (from: number, step: 1 | -1, count: number): { items: T[]; index: number } => {
    const items: T[] = []
    let index = from
    for (; index >= 0 && index < ids.length && items.length < count; index += step) {
      const item = source.get(ids[index] as string) as T
      if (matches(item)) items.push(item)
    }
    return { items, index }
  }

  if (params.ending_before !== undefined) {
    const end = searchIds(ids, params.ending_before, false)
    const { items } = take(end - 1, -1, limit + 1)
    const hasMore = items.length > limit
    const data = items.slice(0, limit).reverse()
    const last = data.at(-1)
    const after = last === undefined ? [] : take(searchIds(ids, last.id, true), 1, 1).items
    return { object: 'list', data, has_more: hasMore, next_cursor: after.length > 0 && last ? last.id : null }
  }

  const start = params.starting_after === undefined ? 0 : searchIds(ids, params.starting_after, true)
  const { items } = take(start, 1, limit + 1)
  const hasMore = items.length > limit
  const data = items.slice(0, limit)
  return { object: 'list', data, has_more: hasMore, next_cursor: hasMore ? (data.at(-1)?.id ?? null) : null }
}
