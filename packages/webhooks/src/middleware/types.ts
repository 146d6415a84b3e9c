import type { WebhookVerificationReason } from '../errors/webhook-verification-error.js'

/**
 * A request as the generic middleware sees it. Each door (fetch, Express, node:http) builds one in a few lines;
 * build your own to support another framework.
 *
 * @example
 * ```ts
 * const request: WebhookRequest = {
 *   method: 'POST',
 *   header: (name) => headers.get(name) ?? undefined,
 *   readBody: async () => rawBodyBuffer,
 * }
 * const { status, headers: responseHeaders, body } = await webhooks.respond(request)
 * ```
 */
export interface WebhookRequest {
  /** The HTTP method, upper case. */
  method: string
  /** Reads a header by its lower-case name; `undefined` when absent. */
  header(name: string): string | undefined
  /**
   * Reads the raw body: a string, Buffer, Uint8Array or ArrayBuffer. Resolves with `null` as soon as more than
   * `maxBytes` arrived, without buffering the rest.
   */
  readBody(maxBytes: number): Promise<unknown>
}

/**
 * Why a delivery was not answered 2xx: the verification reasons and the middleware's own.
 *
 * @example
 * ```ts
 * const { error } = (await response.json()) as WebhookErrorBody
 * if (error.reason === 'in_flight') scheduleRetry()
 * ```
 */
export type WebhookResponseReason =
  | WebhookVerificationReason
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'body_unreadable'
  | 'in_flight'
  | 'handler_failed'
  | 'dedupe_failed'
  | 'queue_unavailable'
  | 'internal_error'

/**
 * The body of every error answer: small JSON, never a stack trace.
 *
 * @example
 * ```ts
 * // { "error": { "reason": "timestamp_too_old", "message": "the webhook-timestamp is 412 s in the past, …" } }
 * const body: WebhookErrorBody = await response.json()
 * ```
 */
export interface WebhookErrorBody {
  error: { reason: WebhookResponseReason; message: string }
}

/**
 * The answer the generic middleware computed; the door writes it.
 *
 * @example
 * ```ts
 * const answer: WebhookResponse = await webhooks.respond(request)
 * reply.status(answer.status).set(answer.headers).send(answer.body ?? undefined)
 * ```
 */
export interface WebhookResponse {
  status: number
  headers: Record<string, string>
  /** JSON text, or `null` for 204. */
  body: string | null
}

/**
 * What the doors (Express, node:http, fetch) answer requests with: a `Webhooks`, or the queue door of
 * `queueWebhooks`, which verifies like it and enqueues instead of running handlers.
 *
 * @example
 * ```ts
 * const responder: WebhookResponder = queueWebhooks(webhooks, { queue })
 * app.post('/webhooks/octopuspro', expressWebhooks(responder))
 * ```
 */
export interface WebhookResponder {
  respond(request: WebhookRequest): Promise<WebhookResponse>
}
