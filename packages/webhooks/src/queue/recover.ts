import type { WebhookEvent } from '@octopuspro/contract'
import type { DedupeStore } from '../dedupe/store.js'
import type { WebhookEventHandler } from '../event-handler/event-handler.js'
import { positiveInteger } from '../internal/positive-integer.js'
import type { Checkpoint } from './checkpoint.js'
import { runOnce } from './run-once.js'
import type { WebhookQueue } from './types.js'

/**
 * What {@link recover} needs of the API client: `op.events.list` of `@octopuspro/client` (a page with its items
 * and whether more follow), written out so this package does not depend on the client.
 *
 * @example
 * ```ts
 * const op: EventSource = new OctopusPro({ apiKey: process.env.OCTOPUSPRO_API_KEY! })
 * ```
 */
export interface EventSource {
  events: {
    list(query: {
      limit?: number
      created_after?: string
      starting_after?: string
    }): PromiseLike<{ data: readonly WebhookEvent[]; hasMore: boolean }>
  }
}

/**
 * Options of {@link recover}.
 *
 * @example
 * ```ts
 * const options: RecoverOptions = { since: new Date(Date.now() - 3 * 24 * 3600_000), checkpoint, queue }
 * ```
 */
export interface RecoverOptions {
  /** List events created after this time (used when the checkpoint is empty). Default: every event kept. */
  since?: Date | string
  /** Where the last listed event id is kept; the next run lists after it. Default: none (start at `since`). */
  checkpoint?: Checkpoint
  /** Put the events on this queue (its workers run them). Without one, the handlers run here, one at a time. */
  queue?: WebhookQueue
  /** Without a queue: the dedupe store the receiver uses, so events it already handled are skipped. */
  dedupe?: DedupeStore
  /** Events per page (1–100). Default 100. */
  pageSize?: number
}

/**
 * What one {@link recover} run did.
 *
 * @example
 * ```ts
 * const { events, pages, checkpoint }: RecoverResult = await recover(op, webhooks, { checkpoint: store })
 * ```
 */
export interface RecoverResult {
  /** Events listed and queued (or run) in this run. */
  events: number
  /** Pages listed. */
  pages: number
  /** The last event id this run got to: where the next run starts. */
  checkpoint: string | undefined
}

/**
 * Catches up after downtime: pages `GET /v1/events` oldest first — after the checkpoint, or created after
 * `since` — and puts every event on the queue (or runs its handlers with the dedupe store), storing the
 * checkpoint after each page, so a second run starts where the first stopped. Events the receiver already
 * accepted are skipped by the queue and the dedupe store, as a redelivery would be.
 *
 * @example
 * ```ts
 * const op = new OctopusPro({ apiKey: process.env.OCTOPUSPRO_API_KEY! })
 * const { events } = await recover(op, webhooks, {
 *   since: new Date(Date.now() - 24 * 3600_000),
 *   checkpoint: redisCheckpoint(redis),
 *   queue,
 * })
 * console.log(`${events} events caught up`)
 * ```
 */
export async function recover(
  op: EventSource,
  webhooks: WebhookEventHandler,
  options: RecoverOptions = {},
): Promise<RecoverResult> {
  const { checkpoint, queue, dedupe } = options
  const limit = positiveInteger('pageSize', options.pageSize ?? 100)
  const since = options.since instanceof Date ? options.since.toISOString() : options.since
  let cursor = await checkpoint?.get()
  let events = 0
  let pages = 0
  for (;;) {
    const page = await op.events.list({
      limit,
      ...(cursor ? { starting_after: cursor } : since ? { created_after: since } : {}),
    })
    pages++
    for (const event of page.data) {
      if (queue) await queue.add({ id: event.id, event, receivedAt: new Date().toISOString() })
      else await runOnce(webhooks, dedupe, event.id, event)
      events++
    }
    const last = page.data.at(-1)
    if (last) {
      cursor = last.id
      await checkpoint?.set(cursor)
    }
    if (!page.hasMore || !last) return { events, pages, checkpoint: cursor }
  }
}
