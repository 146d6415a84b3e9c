import type { EventType, EventTypePrefix, UnknownWebhookEvent, WebhookEvent, WebhookEventOf } from '@octopuspro/contract'
import type { DedupeStoreError } from '../errors/dedupe-store-error.js'
import type { WebhookHandlerError } from '../errors/webhook-handler-error.js'

/** Every event of one category, e.g. `'payment.*'`. */
export type WebhookWildcard = `${EventTypePrefix}.*`

/** A name `on()` accepts: an event type such as `'payment.approved'` or a category wildcard such as `'payment.*'`. */
export type WebhookEventName = EventType | WebhookWildcard

/**
 * The event a handler of `N` receives: `WebhookEventFor<'payment.approved'>` is that event, `'payment.*'` the
 * union of the payment events.
 */
export type WebhookEventFor<N extends WebhookEventName> = N extends `${infer Prefix}.*`
  ? Extract<WebhookEvent, { type: `${Prefix}.${string}` }>
  : N extends EventType
    ? WebhookEventOf<N>
    : never

/** A handler of the events named `N`; it may return a promise, which the receiver awaits. */
export type WebhookHandler<N extends WebhookEventName> = (event: WebhookEventFor<N>) => unknown

/** A handler of every event, including the {@link UnknownWebhookEvent}s of types this version does not know. */
export type WebhookAnyHandler = (event: WebhookEvent | UnknownWebhookEvent) => unknown

/** What `onError` handlers receive: failed handlers, or a failed dedupe store. */
export type WebhookError = WebhookHandlerError | DedupeStoreError

/** A handler of errors. */
export type WebhookErrorHandler = (error: WebhookError) => unknown
