import { WebhooksError } from './webhooks-error.js'

/** The dedupe operation that failed. @example `if (error.operation === 'claim') …` */
export type DedupeOperation = 'claim' | 'complete' | 'release'

/**
 * The dedupe store failed (for example Redis was unreachable). A failed `claim` is answered 500 so the sender
 * retries later; a failed `complete` or `release` comes after the handlers ran. Passed to `onError`; the store's
 * own error is `cause`.
 *
 * @example
 * ```ts
 * webhooks.onError((error) => {
 *   if (isDedupeStoreError(error)) alertOps(`dedupe ${error.operation} failed`, error.cause)
 * })
 * ```
 */
export class DedupeStoreError extends WebhooksError {
  /** Which store call failed. */
  readonly operation: DedupeOperation
  /** The `webhook-id` being processed. */
  readonly webhookId: string

  constructor(operation: DedupeOperation, webhookId: string, cause: unknown) {
    super(
      'dedupe_failed',
      `the dedupe store failed to ${operation} ${webhookId}: ` +
        `${cause instanceof Error ? cause.message : String(cause)}; ` +
        'check that the store (e.g. Redis) is reachable',
      { cause },
    )
    this.name = 'DedupeStoreError'
    this.operation = operation
    this.webhookId = webhookId
  }
}
