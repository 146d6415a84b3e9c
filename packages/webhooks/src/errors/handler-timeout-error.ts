import { WebhooksError } from './webhooks-error.js'

/**
 * A handler did not settle within `handlerTimeoutMs`. It appears in the `errors` of a
 * {@link WebhookHandlerError}; the handler itself keeps running (JavaScript cannot stop it).
 *
 * @example
 * ```ts
 * webhooks.onError((error) => {
 *   if (isWebhookHandlerError(error) && error.errors.some(isHandlerTimeoutError)) console.warn('slow handler')
 * })
 * ```
 */
export class HandlerTimeoutError extends WebhooksError {
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number

  constructor(eventType: string, timeoutMs: number) {
    super(
      'handler_timeout',
      `a handler of ${eventType} did not finish within ${timeoutMs} ms; make it faster, move slow work to a queue, ` +
        'or raise handlerTimeoutMs',
    )
    this.name = 'HandlerTimeoutError'
    this.timeoutMs = timeoutMs
  }
}
