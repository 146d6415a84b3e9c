import type { UnknownWebhookEvent, WebhookEvent } from '@octopuspro/contract'

/**
 * One accepted event on a queue: its `webhook-id` (the dedupe key and the job id), the verified event, and when
 * it was accepted.
 *
 * @example
 * ```ts
 * const job: QueuedWebhook = { id: event.id, event, receivedAt: new Date().toISOString() }
 * await queue.add(job)
 * ```
 */
export interface QueuedWebhook {
  id: string
  event: WebhookEvent | UnknownWebhookEvent
  /** ISO 8601. */
  receivedAt: string
}

/**
 * Where an accepted event stands: `queued` (waiting for a worker), `active` (a handler runs it), `retrying`
 * (an attempt failed; the next one waits for its backoff), `completed`, or `failed` (dead-lettered after the
 * last attempt; {@link WebhookQueue.replay} runs it again).
 *
 * @example
 * ```ts
 * const deadLetters = await queue.inbox.list({ state: 'failed' satisfies InboxState })
 * ```
 */
export type InboxState = 'queued' | 'active' | 'retrying' | 'completed' | 'failed'

/**
 * One event of the inbox, for audit: what arrived, how often it was tried, the last error and where it stands.
 *
 * @example
 * ```ts
 * const entry: InboxEntry | undefined = await queue.inbox.get('evt_123')
 * if (entry?.state === 'failed') console.warn(entry.type, entry.attempts, entry.lastError)
 * ```
 */
export interface InboxEntry {
  id: string
  type: string
  state: InboxState
  /** Attempts made so far (a replay starts counting again). */
  attempts: number
  /** The message of the last failure, if any attempt failed. */
  lastError: string | undefined
  /** ISO 8601: when the receiver accepted it. */
  receivedAt: string
  /** ISO 8601: when it completed or was dead-lettered. */
  finishedAt: string | undefined
  event: WebhookEvent | UnknownWebhookEvent
}

/**
 * Filter of {@link Inbox.list}.
 *
 * @example
 * ```ts
 * const filter: InboxFilter = { state: 'failed', limit: 50 }
 * ```
 */
export interface InboxFilter {
  state?: InboxState
  /** At most this many entries (default 100). */
  limit?: number
}

/**
 * Every accepted event with its attempts, last error and state, kept for the queue's `retentionMs` after it
 * finished.
 *
 * @example
 * ```ts
 * for (const entry of await queue.inbox.list({ state: 'failed' })) console.log(entry.id, entry.lastError)
 * ```
 */
export interface Inbox {
  list(filter?: InboxFilter): Promise<InboxEntry[]>
  get(id: string): Promise<InboxEntry | undefined>
}

/**
 * Runs one job; a rejection is a failed attempt. A rejection with a {@link WebhookJobInFlightError} means
 * "another worker holds this event": the queue tries again after the backoff without counting an attempt.
 *
 * @example
 * ```ts
 * const handler: QueueJobHandler = async (job) => webhooks.receive(job.event)
 * ```
 */
export type QueueJobHandler = (job: QueuedWebhook) => Promise<void>

/**
 * A running consumer of a queue; `close()` stops taking jobs and waits for the running ones.
 *
 * @example
 * ```ts
 * const consumer: QueueConsumer = queue.consume(handler, { concurrency: 4 })
 * process.on('SIGTERM', () => consumer.close())
 * ```
 */
export interface QueueConsumer {
  close(): Promise<void>
}

/**
 * The durable queue behind `queueWebhooks` and `createWorker`: small on purpose, so another engine fits in one
 * file ({@link memoryQueue} and `bullmqQueue` from `@octopuspro/webhooks/bullmq` implement it; the guide
 * docs/durable-processing.md sketches pg-boss on Postgres).
 *
 * Rules an implementation must keep:
 * - `add` resolves only once the job is stored as durably as the engine stores anything, and rejects otherwise
 *   (the door answers 503 and the sender retries). Adding an `id` the queue still holds is a no-op.
 * - A job whose handler rejects is tried again after an exponential backoff, up to `attempts` times, then kept
 *   as `failed` (the dead letter); a {@link WebhookJobInFlightError} delays it without using an attempt.
 * - A job whose worker died is given to another worker (at least once; the dedupe store makes it once).
 *
 * @example
 * ```ts
 * const queue: WebhookQueue = memoryQueue({ attempts: 5, backoffMs: 1_000 })
 * await queue.add({ id: event.id, event, receivedAt: new Date().toISOString() })
 * ```
 */
export interface WebhookQueue {
  /** Stores a job; resolves once the queue holds it. */
  add(job: QueuedWebhook): Promise<void>
  /** Runs jobs with `handler`, `concurrency` at a time, with the queue's retries, backoff and dead letter. */
  consume(handler: QueueJobHandler, options: { concurrency: number }): QueueConsumer
  /** The accepted events, for audit. */
  readonly inbox: Inbox
  /** Queues a failed (dead-lettered) job again, with a fresh set of attempts; `false` if no such failed job. */
  replay(id: string): Promise<boolean>
  /** Queues every failed job again; resolves with how many. */
  replayFailed(): Promise<number>
  /** Stops the consumers (waiting for running jobs) and releases connections. */
  close(): Promise<void>
}

/**
 * Retries and retention, shared by every engine.
 *
 * @example
 * ```ts
 * const options: QueueOptions = { attempts: 8, backoffMs: 2_000, retentionMs: 30 * 24 * 3600_000 }
 * ```
 */
export interface QueueOptions {
  /** Attempts before a job is dead-lettered (state `failed`). Default 5. */
  attempts?: number
  /** The first retry's delay in ms; each next one doubles it (1 s, 2 s, 4 s, …). Default 1 000. */
  backoffMs?: number
  /** How long a completed or failed job stays in the inbox, in ms. Default 7 days. */
  retentionMs?: number
}
