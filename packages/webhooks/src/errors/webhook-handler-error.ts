import type { UnknownWebhookEvent, WebhookEvent } from '@octopuspro/contract'

/**
 * One or more handlers of an event failed (threw, rejected or timed out). It is an `AggregateError`, so `errors`
 * holds every failure; `event` is the event they were handling. Passed to `onError` and, with
 * `ack: 'after-handlers'`, answered 500 so the sender retries.
 *
 * (It extends the built-in `AggregateError` rather than {@link WebhooksError}, so `errors` is the standard field
 * every tool knows; it still carries a `code`.)
 *
 * @example
 * ```ts
 * webhooks.onError((error) => {
 *   if (isWebhookHandlerError(error)) {
 *     for (const cause of error.errors) console.error(error.event.type, cause)
 *   }
 * })
 * ```
 */
export class WebhookHandlerError extends AggregateError {
  /** Always `'handler_failed'`. */
  readonly code = 'handler_failed'
  /** The event whose handlers failed. */
  readonly event: WebhookEvent | UnknownWebhookEvent
  /** How many handlers ran for the event. */
  readonly handlerCount: number

  constructor(event: WebhookEvent | UnknownWebhookEvent, errors: readonly unknown[], handlerCount: number) {
    super(
      errors,
      `${errors.length} of ${handlerCount} handler${handlerCount === 1 ? '' : 's'} of ${event.type} (${event.id}) ` +
        `failed; ` +
        'see `errors` for each failure. With dedupe, the event is released so the next retry runs it again.',
    )
    this.name = 'WebhookHandlerError'
    this.event = event
    this.handlerCount = handlerCount
  }
}
