import type { DedupeStore } from '../dedupe/store.js'
import { isWebhookHandlerError } from '../errors/guards.js'
import type { WebhookEventHandler } from '../event-handler/event-handler.js'
import { positiveInteger } from '../internal/positive-integer.js'
import { runOnce } from './run-once.js'
import type { QueueConsumer, WebhookQueue } from './types.js'

/**
 * Options of {@link createWorker}.
 *
 * @example
 * ```ts
 * const options: WorkerOptions = { queue, concurrency: 8, dedupe: redisDedupe(redis) }
 * ```
 */
export interface WorkerOptions {
  /** The queue the door puts events on. */
  queue: WebhookQueue
  /** Jobs run at once by this worker. Default 1. */
  concurrency?: number
  /**
   * Where handled ids are remembered, so that an event runs its handlers once across redeliveries, retries and
   * workers ({@link redisDedupe} for several processes). Without one, a job whose worker died mid-handler may run
   * twice.
   */
  dedupe?: DedupeStore
}

/** The queue keeps an error's message as the job's last error: with a handler failure, say what each handler threw. */
function withCauses(error: AggregateError): Error {
  const causes = error.errors.map((cause) => (cause instanceof Error ? cause.message : String(cause)))
  return new Error(`${error.message.slice(0, error.message.indexOf(' failed;'))} failed: ${causes.join('; ')}`, {
    cause: error,
  })
}

/**
 * Runs the typed handlers of `webhooks` for the events the queue door accepted: retried with exponential backoff,
 * dead-lettered after the queue's `attempts`, once per `webhook-id` with a dedupe store. Failures reach `onError`
 * on every attempt. Start as many workers, in as many processes, as the queue engine allows.
 *
 * @example
 * ```ts
 * const worker = createWorker(webhooks, { queue, concurrency: 4, dedupe: redisDedupe(redis) })
 * process.on('SIGTERM', () => void worker.close())
 * ```
 */
export function createWorker(webhooks: WebhookEventHandler, options: WorkerOptions): QueueConsumer {
  const { queue, dedupe } = options
  const concurrency = positiveInteger('concurrency', options.concurrency ?? 1)
  return queue.consume(
    async (job) => {
      try {
        await runOnce(webhooks, dedupe, job.id, job.event)
      } catch (error) {
        throw isWebhookHandlerError(error) ? withCauses(error) : error
      }
    },
    { concurrency },
  )
}
