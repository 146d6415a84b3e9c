/**
 * `@octopuspro/webhooks`: receive OctopusPro webhooks — verify (Standard Webhooks), parse (the contract's
 * schemas), dedupe and dispatch to typed handlers, in Express, node:http or any fetch runtime. Test helpers are in
 * `@octopuspro/webhooks/testing`.
 *
 * @packageDocumentation
 */

export type { EventType, UnknownWebhookEvent, WebhookEvent, WebhookEventOf } from '@octopuspro/contract'
export { type MemoryDedupeOptions, type MemoryDedupeStore, memoryDedupe } from './dedupe/memory.js'
export { type RedisDedupeOptions, type RedisEvalClient, redisDedupe } from './dedupe/redis.js'
export type { ClaimResult, DedupeStore, DedupeTtlOptions } from './dedupe/store.js'
export { type DedupeOperation, DedupeStoreError } from './errors/dedupe-store-error.js'
export {
  isDedupeStoreError,
  isHandlerTimeoutError,
  isWebhookHandlerError,
  isWebhooksError,
  isWebhookVerificationError,
} from './errors/guards.js'
export { HandlerTimeoutError } from './errors/handler-timeout-error.js'
export { WebhookHandlerError } from './errors/webhook-handler-error.js'
export {
  type WebhookVerificationDetails,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from './errors/webhook-verification-error.js'

export { WebhooksError } from './errors/webhooks-error.js'
export { WebhookEventHandler, type WebhookEventHandlerOptions } from './event-handler/event-handler.js'
export type {
  WebhookAnyHandler,
  WebhookError,
  WebhookErrorHandler,
  WebhookEventFor,
  WebhookEventName,
  WebhookHandler,
  WebhookWildcard,
} from './event-handler/types.js'
export { type ExpressLikeRequest, expressWebhooks } from './middleware/express.js'
export { nodeWebhooks } from './middleware/node.js'
export type {
  WebhookErrorBody,
  WebhookRequest,
  WebhookResponder,
  WebhookResponse,
  WebhookResponseReason,
} from './middleware/types.js'
export * from './queue/index.js'

export type { WebhookHeaders } from './verify/headers.js'
export type { RawBody } from './verify/raw-body.js'
export { type WebhookHandlingOptions, type WebhookKeys, Webhooks, type WebhooksOptions } from './webhooks.js'
