import { type EventCatalogEntry, type EventCategory, eventCatalog } from '@octopuspro/contract'

/**
 * The contract's event catalog grouped by category, in catalog order.
 *
 * @example
 * ```ts
 * for (const [category, entries] of eventCategories()) console.log(category, entries.length)
 * ```
 */
export function eventCategories(): [EventCategory, EventCatalogEntry[]][] {
  const grouped = new Map<EventCategory, EventCatalogEntry[]>()
  for (const entry of eventCatalog) grouped.set(entry.category, [...(grouped.get(entry.category) ?? []), entry])
  return [...grouped]
}
