/** How {@link keyedRows} tells items apart and when to redraw one. */
export interface KeyedRowsOptions<T> {
  key(item: T): string
  /** Changes whenever the item's row must be redrawn. */
  version(item: T): string
  render(item: T): HTMLTableRowElement
}

/**
 * Keeps a table body in step with a list that is reloaded again and again (a live log): unchanged rows stay
 * in place untouched, so focus and open `<details>` survive; a changed row is redrawn, keeping focus on the
 * same button if it had it.
 *
 * @example
 * ```ts
 * const rows = keyedRows(tbody, { key: (d) => d.id, version: (d) => d.updated_at, render: renderRow })
 * rows.sync(await fetchDeliveries())
 * ```
 */
export function keyedRows<T>(body: HTMLTableSectionElement, options: KeyedRowsOptions<T>) {
  const cache = new Map<string, { row: HTMLTableRowElement; version: string }>()

  function sync(items: readonly T[]): void {
    const wanted = new Set<string>()
    items.forEach((item, index) => {
      const key = options.key(item)
      const version = options.version(item)
      wanted.add(key)
      let entry = cache.get(key)
      if (entry?.version !== version) {
        const row = options.render(item)
        if (entry) redraw(entry.row, row)
        entry = { row, version }
        cache.set(key, entry)
      }
      const current = body.children[index]
      if (current !== entry.row) body.insertBefore(entry.row, current ?? null)
    })
    for (const [key, entry] of cache) {
      if (wanted.has(key)) continue
      entry.row.remove()
      cache.delete(key)
    }
  }

  function clear(): void {
    cache.clear()
    body.replaceChildren()
  }

  return { sync, clear }
}

function redraw(old: HTMLTableRowElement, row: HTMLTableRowElement): void {
  const focused = document.activeElement
  const label = focused instanceof HTMLElement && old.contains(focused) ? focused.getAttribute('aria-label') : null
  old.replaceWith(row)
  if (label !== null) row.querySelector<HTMLElement>(`[aria-label="${CSS.escape(label)}"]`)?.focus()
}
