import { WebhooksError } from '../errors/webhooks-error.js'

/** The queue call that failed. @example `if (error.operation === 'add') alertOps()` */
export type QueueOperation = 'add' | 'checkpoint'

/**
 * The durable queue failed (for example Redis was unreachable). A failed `add` is answered 503 so the sender
 * retries later. Passed to `onError`; the engine's own error is `cause`.
 *
 * @example
 * ```ts
 * webhooks.onError((error) => {
 *   if (error instanceof QueueError) alertOps(`queue ${error.operation} failed`, error.cause)
 * })
 * ```
 */
export class QueueError extends WebhooksError {
  readonly operation: QueueOperation
  /** The `webhook-id` being queued. */
  readonly webhookId: string

  constructor(operation: QueueOperation, webhookId: string, cause: unknown) {
    super(
      'queue_failed',
      `the queue failed to ${operation} ${webhookId}: ${cause instanceof Error ? cause.message : String(cause)}; ` +
        'check that the queue (e.g. Redis) is reachable',
      { cause },
    )
    this.name = 'QueueError'
    this.operation = operation
    this.webhookId = webhookId
  }
}

/**
 * A worker found the event claimed in the dedupe store by another worker (one still running it, or one that died
 * and whose claim has not expired yet). The queue tries the job again after its backoff, without counting an
 * attempt.
 *
 * @example
 * ```ts
 * if (error instanceof WebhookJobInFlightError) console.info(`${error.webhookId} runs elsewhere; retrying later`)
 * ```
 */
export class WebhookJobInFlightError extends WebhooksError {
  readonly webhookId: string

  constructor(webhookId: string) {
    super(
      'in_flight',
      `${webhookId} is claimed by another worker; it is tried again once that claim completes or expires ` +
        '(inFlightTtlMs of the dedupe store)',
    )
    this.name = 'WebhookJobInFlightError'
    this.webhookId = webhookId
  }
}
