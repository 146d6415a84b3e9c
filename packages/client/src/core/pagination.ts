import type { ListPage } from '@octopuspro/contract'
import { OctopusProError } from '../errors/octopuspro-error.js'
import { APIPromise } from './api-promise.js'

const maxToArrayLimit = 10_000

/**
 * One page of a list: its items, whether more follow and the cursor of the next page. Iterating it with
 * `for await` yields its items and then those of every following page, fetched one page at a time.
 *
 * @example
 * ```ts
 * let page = await op.bookings.list({ limit: 50 })
 * while (page.hasMore) page = await page.nextPage()
 * ```
 */
export class Page<Item> implements AsyncIterable<Item> {
  /** The items of this page. */
  readonly data: Item[]
  /** Whether another page follows. */
  readonly hasMore: boolean
  /** The id to list after for the next page (`starting_after`), or `null` on the last page. */
  readonly nextCursor: string | null
  readonly #fetchPage: (cursor: string) => PagePromise<Item>

  constructor(envelope: ListPage<Item>, fetchPage: (cursor: string) => PagePromise<Item>) {
    this.data = envelope.data
    this.hasMore = envelope.has_more && envelope.next_cursor !== null
    this.nextCursor = envelope.next_cursor
    this.#fetchPage = fetchPage
  }

  /**
   * Fetches the next page with the same filters and options; rejects when {@link Page.hasMore} is false.
   *
   * @example
   * ```ts
   * const second = await (await op.customers.list({ limit: 10 })).nextPage()
   * ```
   */
  nextPage(): PagePromise<Item> {
    if (!this.hasMore || this.nextCursor === null) {
      return new PagePromise(
        Promise.reject(
          new OctopusProError('no_next_page', 'This is the last page; check page.hasMore before calling nextPage()'),
        ),
      )
    }
    return this.#fetchPage(this.nextCursor)
  }

  /**
   * Items of this page and the following ones, one page in memory at a time.
   *
   * @example
   * ```ts
   * for await (const customer of await op.customers.list()) console.log(customer.name)
   * ```
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    let page: Page<Item> = this
    for (;;) {
      yield* page.data
      if (!page.hasMore) return
      page = await page.nextPage()
    }
  }

  /**
   * Collects items from this page on, stopping after `limit` of them (required, so a large list cannot exhaust
   * memory by accident; at most 10 000).
   *
   * @example
   * ```ts
   * const firstHundred = await page.toArray({ limit: 100 })
   * ```
   */
  async toArray({ limit }: { limit: number }): Promise<Item[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > maxToArrayLimit) {
      throw new OctopusProError(
        'invalid_option',
        `toArray({ limit }) needs an integer limit from 1 to ${maxToArrayLimit}; use for await to walk longer lists`,
      )
    }
    const items: Item[] = []
    for await (const item of this) {
      items.push(item)
      if (items.length === limit) break
    }
    return items
  }
}

/**
 * What a `list()` call returns: `await` it for the first {@link Page}, or `for await` it to walk every item of
 * every page in constant memory, or collect with `.toArray({ limit })`.
 *
 * @example
 * ```ts
 * for await (const booking of op.bookings.list({ status: 'confirmed' })) console.log(booking.id)
 * const page = await op.bookings.list({ limit: 50 })
 * const all = await op.bookings.list().toArray({ limit: 1_000 })
 * ```
 */
export class PagePromise<Item> extends APIPromise<Page<Item>> implements AsyncIterable<Item> {
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    yield* await this
  }

  /**
   * Collects up to `limit` items across pages. @example `await op.events.list({ type: 'booking.created' }).toArray({
   * limit: 500 })`
   */
  async toArray(options: { limit: number }): Promise<Item[]> {
    return (await this).toArray(options)
  }
}
