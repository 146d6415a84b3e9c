import { backoffDelay, DEFAULT_INBOX_LIMIT, resolveQueueOptions } from './options.js'
import { WebhookJobInFlightError } from './queue-errors.js'
import type {
  InboxEntry,
  InboxState,
  QueueConsumer,
  QueuedWebhook,
  QueueJobHandler,
  QueueOptions,
  WebhookQueue,
} from './types.js'

/** Options of {@link memoryQueue}. @example `memoryQueue({ attempts: 3, backoffMs: 100, now: () => clock.now })` */
export interface MemoryQueueOptions extends QueueOptions {
  /** The clock, in ms (default `Date.now`), for the inbox's times and retention. */
  now?: () => number
}

interface Entry {
  job: QueuedWebhook
  state: InboxState
  attempts: number
  lastError: string | undefined
  finishedAt: number | undefined
}

interface Consumer {
  handler: QueueJobHandler
  concurrency: number
  running: Set<Promise<void>>
  closed: boolean
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The embedded queue: jobs, retries and the inbox in this process's memory. Right for tests and for one process
 * that may lose its queue when it stops (nothing survives a restart); use `bullmqQueue` from
 * `@octopuspro/webhooks/bullmq` for durability and many processes.
 *
 * @example
 * ```ts
 * const queue = memoryQueue({ attempts: 5, backoffMs: 1_000 })
 * app.post('/webhooks', expressWebhooks(queueWebhooks(webhooks, { queue })))
 * createWorker(webhooks, { queue, concurrency: 4, dedupe: memoryDedupe() })
 * ```
 */
export function memoryQueue(options: MemoryQueueOptions = {}): WebhookQueue {
  const { attempts, backoffMs, retentionMs } = resolveQueueOptions(options)
  const now = options.now ?? Date.now
  const entries = new Map<string, Entry>()
  const ready: string[] = []
  const consumers = new Set<Consumer>()
  const timers = new Set<ReturnType<typeof setTimeout>>()

  function purgeExpired(): void {
    const cutoff = now() - retentionMs
    for (const [id, entry] of entries)
      if (entry.finishedAt !== undefined && entry.finishedAt <= cutoff) entries.delete(id)
  }

  function later(id: string, delayMs: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer)
      ready.push(id)
      pump()
    }, delayMs)
    timers.add(timer)
  }

  async function attempt(consumer: Consumer, entry: Entry): Promise<void> {
    entry.state = 'active'
    try {
      await consumer.handler(entry.job)
      entry.attempts++
      entry.state = 'completed'
      entry.finishedAt = now()
    } catch (error) {
      if (error instanceof WebhookJobInFlightError) {
        entry.state = entry.attempts === 0 ? 'queued' : 'retrying'
        later(entry.job.id, backoffMs)
        return
      }
      entry.attempts++
      entry.lastError = messageOf(error)
      if (entry.attempts >= attempts) {
        entry.state = 'failed'
        entry.finishedAt = now()
      } else {
        entry.state = 'retrying'
        later(entry.job.id, backoffDelay(backoffMs, entry.attempts))
      }
    }
  }

  function pump(): void {
    for (const consumer of consumers) {
      while (!consumer.closed && consumer.running.size < consumer.concurrency && ready.length > 0) {
        const entry = entries.get(ready.shift()!)
        if (!entry || (entry.state !== 'queued' && entry.state !== 'retrying')) continue
        const run: Promise<void> = attempt(consumer, entry).finally(() => {
          consumer.running.delete(run)
          pump()
        })
        consumer.running.add(run)
      }
    }
  }

  function toInboxEntry({ job, state, attempts: made, lastError, finishedAt }: Entry): InboxEntry {
    return {
      id: job.id,
      type: job.event.type,
      state,
      attempts: made,
      lastError,
      receivedAt: job.receivedAt,
      finishedAt: finishedAt === undefined ? undefined : new Date(finishedAt).toISOString(),
      event: job.event,
    }
  }

  function requeue(entry: Entry): void {
    Object.assign(entry, { state: 'queued', attempts: 0, finishedAt: undefined })
    ready.push(entry.job.id)
  }

  return {
    async add(job) {
      purgeExpired()
      if (entries.has(job.id)) return
      entries.set(job.id, { job, state: 'queued', attempts: 0, lastError: undefined, finishedAt: undefined })
      ready.push(job.id)
      pump()
    },
    consume(handler, { concurrency }): QueueConsumer {
      const consumer: Consumer = { handler, concurrency, running: new Set(), closed: false }
      consumers.add(consumer)
      pump()
      return {
        async close() {
          consumer.closed = true
          consumers.delete(consumer)
          await Promise.all(consumer.running)
        },
      }
    },
    inbox: {
      async list({ state, limit = DEFAULT_INBOX_LIMIT } = {}) {
        purgeExpired()
        const matching = [...entries.values()].filter((entry) => state === undefined || entry.state === state)
        return matching.slice(0, limit).map(toInboxEntry)
      },
      async get(id) {
        purgeExpired()
        const entry = entries.get(id)
        return entry && toInboxEntry(entry)
      },
    },
    async replay(id) {
      const entry = entries.get(id)
      if (entry?.state !== 'failed') return false
      requeue(entry)
      pump()
      return true
    },
    async replayFailed() {
      const failed = [...entries.values()].filter((entry) => entry.state === 'failed')
      failed.forEach(requeue)
      pump()
      return failed.length
    },
    async close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const consumer of consumers) consumer.closed = true
      await Promise.all([...consumers].flatMap((consumer) => [...consumer.running]))
      consumers.clear()
    },
  }
}
