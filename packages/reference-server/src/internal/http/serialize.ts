import type { ListPage } from '@octopuspro/contract'

const serialized = new WeakMap<object, string>()

/**
 * The JSON of a stored object, serialized once per object: the store replaces objects and never mutates them (see
 * `Collection`), so an object's JSON never changes. GET by id answers with stored objects, and serializing the same
 * customer on every request was 5.6 % of a GET's CPU. Values that are not objects are serialized each time.
 *
 * @example
 * ```ts
 * const body = storedJson(state.customers.get('cus_1'))
 * ```
 */
export function storedJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  let json = serialized.get(value)
  if (json === undefined) {
    json = JSON.stringify(value)
    serialized.set(value, json)
  }
  return json
}

/**
 * The JSON of a list page, its items through {@link storedJson}: a page of stored objects is mostly their cached
 * JSON, where serializing 20 customers on every request was about a quarter of a list's CPU. Byte for byte what
 * `JSON.stringify(page)` gives.
 *
 * @example
 * ```ts
 * const body = pageJson(paginate(state.customers, { limit: 20 }, () => true))
 * ```
 */
export function pageJson(page: ListPage<unknown>): string {
  const data = page.data.map(storedJson).join(',')
  const cursor = JSON.stringify(page.next_cursor)
  return `{"object":"list","data":[${data}],"has_more":${page.has_more},"next_cursor":${cursor}}`
}
