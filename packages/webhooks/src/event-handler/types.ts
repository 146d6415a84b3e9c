import type {
  EventType,
  EventTypePrefix,
  UnknownWebhookEvent,
  WebhookEvent,
  WebhookEventOf,
} from '@octopuspro/contract'
import type { DedupeStoreError } from '../errors/dedupe-store-error.js'
import type { WebhookHandlerError } from '../errors/webhook-handler-error.js'
import type { QueueError } from '../queue/queue-errors.js'

/** Every event of one category, e.g. `'payment.*'`. @example `const name: WebhookWildcard = 'booking.*'` */
export type WebhookWildcard = `${EventTypePrefix}.*`

/**
 * A name `on()` accepts: an event type such as `'payment.approved'` or a category wildcard such as `'payment.*'`.
 *
 * @example
 * ```ts
 * const watched: WebhookEventName[] = ['payment.approved', 'booking.*']
 * ```
 */
export type WebhookEventName = EventType | WebhookWildcard

/**
 * The event a handler of `N` receives: `WebhookEventFor<'payment.approved'>` is that event, `'payment.*'` the
 * union of the payment events.
 *
 * @example
 * ```ts
 * function onPayment(event: WebhookEventFor<'payment.*'>) {
 *   return event.data.amount
 * }
 * ```
 */
export type WebhookEventFor<N extends WebhookEventName> = N extends `${infer Prefix}.*`
  ? Extract<WebhookEvent, { type: `${Prefix}.${string}` }>
  : N extends EventType
    ? WebhookEventOf<N>
    : never

/**
 * A handler of the events named `N`; it may return a promise, which the receiver awaits.
 *
 * @example
 * ```ts
 * const onApproved: WebhookHandler<'payment.approved'> = async (event) => markPaid(event.data.invoice_id)
 * webhooks.on('payment.approved', onApproved)
 * ```
 */
export type WebhookHandler<N extends WebhookEventName> = (event: WebhookEventFor<N>) => unknown

/**
 * A handler of every event, including the {@link UnknownWebhookEvent}s of types this version does not know.
 *
 * @example
 * ```ts
 * const audit: WebhookAnyHandler = (event) => log.info({ id: event.id, type: event.type, unknown: 'unknown' in event })
 * ```
 */
export type WebhookAnyHandler = (event: WebhookEvent | UnknownWebhookEvent) => unknown

/**
 * What `onError` handlers receive: failed handlers, a failed dedupe store, or a failed queue.
 *
 * @example
 * ```ts
 * function describe(error: WebhookError) {
 *   return isWebhookHandlerError(error) ? `handlers of ${error.event.type}` : `dedupe ${error.operation}`
 * }
 * ```
 */
export type WebhookError = WebhookHandlerError | DedupeStoreError | QueueError

/** A handler of errors. @example `const report: WebhookErrorHandler = (error) => Sentry.captureException(error)` */
export type WebhookErrorHandler = (error: WebhookError) => unknown
