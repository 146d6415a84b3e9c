import type { RequestLogEntry } from '@octopuspro/contract'

/** How many requests the log keeps: the most recent, enough to follow and to look back a little. */
const CAPACITY = 1000

/**
 * The most recent API requests, ascending by request id (ids sort by start time; a slow request that ends last is
 * put back in its place), so the log pages like any list.
 */
export class RequestLog {
  readonly #entries: RequestLogEntry[] = []

  add(entry: RequestLogEntry): void {
    let index = this.#entries.length
    while (index > 0 && (this.#entries[index - 1] as RequestLogEntry).id > entry.id) index--
    this.#entries.splice(index, 0, entry)
    if (this.#entries.length > CAPACITY) this.#entries.shift()
  }

  entries(): readonly RequestLogEntry[] {
    return this.#entries
  }
}
