import type { WebhookVerificationError } from '../errors/webhook-verification-error.js'
import type { WebhookErrorBody, WebhookResponse, WebhookResponseReason } from './types.js'

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' }

/** 204: handled. */
export const handled: WebhookResponse = { status: 204, headers: {}, body: null }

/** 200: a delivery of an event that was already handled; its handlers did not run again. */
export function duplicate(id: string): WebhookResponse {
  return { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ duplicate: true, id }) }
}

/** 202: the event is on a durable queue; a worker runs its handlers (the queue door's answer). */
export function queued(id: string): WebhookResponse {
  return { status: 202, headers: JSON_HEADERS, body: JSON.stringify({ queued: true, id }) }
}

/** An error answer `{ error: { reason, message } }`. */
export function errorResponse(
  status: number,
  reason: WebhookResponseReason,
  message: string,
  headers: Record<string, string> = {},
): WebhookResponse {
  const body: WebhookErrorBody = { error: { reason, message } }
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) }
}

const BODY_REASONS = new Set<WebhookResponseReason>(['body_not_raw', 'invalid_json', 'invalid_payload'])

/** 400 for a body that is not a raw, valid event; 401 for a signature, header or timestamp problem. */
export function verificationFailed(error: WebhookVerificationError): WebhookResponse {
  return errorResponse(BODY_REASONS.has(error.reason) ? 400 : 401, error.reason, error.message)
}

/** 413: the body is over the limit. */
export function tooLarge(maxBytes: number): WebhookResponse {
  return errorResponse(
    413,
    'payload_too_large',
    `the body is larger than ${maxBytes} bytes; raise maxBodyBytes in new Webhooks({ … }) if such events are expected`,
  )
}
