import type { DedupeStoreError } from './dedupe-store-error.js'
import type { HandlerTimeoutError } from './handler-timeout-error.js'
import type { WebhookHandlerError } from './webhook-handler-error.js'
import type { WebhookVerificationError } from './webhook-verification-error.js'
import type { WebhooksError } from './webhooks-error.js'

// Guards compare `name` (not `instanceof`) so they also recognise errors from another copy of this package or
// another realm (a worker, a vm context, a bundled duplicate).
function hasName(error: unknown, names: readonly string[]): boolean {
  return typeof error === 'object' && error !== null && names.includes((error as { name?: unknown }).name as string)
}

const webhooksErrorNames = [
  'WebhooksError',
  'WebhookVerificationError',
  'HandlerTimeoutError',
  'DedupeStoreError',
  'QueueError',
  'WebhookJobInFlightError',
]

/**
 * Whether `error` is any error of this package but {@link WebhookHandlerError}.
 *
 * @example `if (isWebhooksError(e)) e.code`
 */
export function isWebhooksError(error: unknown): error is WebhooksError {
  return hasName(error, webhooksErrorNames)
}

/** Whether `error` is a {@link WebhookVerificationError}. @example `if (isWebhookVerificationError(e)) e.reason` */
export function isWebhookVerificationError(error: unknown): error is WebhookVerificationError {
  return hasName(error, ['WebhookVerificationError'])
}

/** Whether `error` is a {@link WebhookHandlerError}. @example `if (isWebhookHandlerError(e)) e.errors.length` */
export function isWebhookHandlerError(error: unknown): error is WebhookHandlerError {
  return hasName(error, ['WebhookHandlerError'])
}

/** Whether `error` is a {@link HandlerTimeoutError}. @example `error.errors.some(isHandlerTimeoutError)` */
export function isHandlerTimeoutError(error: unknown): error is HandlerTimeoutError {
  return hasName(error, ['HandlerTimeoutError'])
}

/** Whether `error` is a {@link DedupeStoreError}. @example `if (isDedupeStoreError(e)) e.operation` */
export function isDedupeStoreError(error: unknown): error is DedupeStoreError {
  return hasName(error, ['DedupeStoreError'])
}
