import {
  API_VERSION,
  describeIssues,
  EventEnvelope,
  eventSchemas,
  isEventType,
  parseFast,
  summarizeIssues,
  type UnknownWebhookEvent,
  type WebhookEvent,
} from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { WebhookVerificationError } from '../errors/webhook-verification-error.js'

const MAX_ISSUES_IN_MESSAGE = 5

function invalidPayload(eventType: string | undefined, issues: readonly z.core.$ZodIssue[]): WebhookVerificationError {
  const details = describeIssues(issues)
  const shown = summarizeIssues(details.slice(0, MAX_ISSUES_IN_MESSAGE))
  const more = details.length > MAX_ISSUES_IN_MESSAGE ? ` (and ${details.length - MAX_ISSUES_IN_MESSAGE} more)` : ''
  const subject =
    eventType === undefined ? 'the body is not an OctopusPro event' : `the ${eventType} event does not match its schema`
  return new WebhookVerificationError(
    'invalid_payload',
    `${subject}: ${shown}${more}. The sender and this receiver disagree on the event shape: check the sender uses ` +
      `API version ${API_VERSION}, or upgrade @octopuspro/webhooks`,
    { ...(eventType === undefined ? {} : { eventType }), issues: details },
  )
}

// fatal: bytes that are not UTF-8 are refused rather than turned into U+FFFD and handed to handlers garbled.
const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes a verified body as UTF-8 (JSON's encoding); `invalid_json` when it is not valid UTF-8.
 *
 * @example
 * ```ts
 * parseEvent(decodeUtf8(bytes))
 * ```
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes)
  } catch {
    throw new WebhookVerificationError(
      'invalid_json',
      'the body is not valid UTF-8; the sender must post the event as UTF-8 JSON, and it must reach this handler ' +
        'unmodified',
    )
  }
}

/**
 * Parses a verified body into an event: a known type is validated against its schema in the contract
 * (`invalid_payload` naming the type and the failing fields if it does not match); an unknown type is checked
 * against the common envelope only and returned as an {@link UnknownWebhookEvent}, never refused.
 */
export function parseEvent(text: string): WebhookEvent | UnknownWebhookEvent {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new WebhookVerificationError(
      'invalid_json',
      `the body is not valid JSON (${(error as Error).message}); the sender must post the event as JSON, and it ` +
        'must reach this handler unmodified',
    )
  }
  const type = (json as { type?: unknown } | null)?.type
  if (typeof type === 'string' && isEventType(type)) {
    const result = parseFast(eventSchemas[type], json, { keepUnknownKeys: true })
    if (!result.success) throw invalidPayload(type, result.error.issues)
    return result.data as WebhookEvent
  }
  const result = parseFast(EventEnvelope, json, { keepUnknownKeys: true })
  if (!result.success) throw invalidPayload(typeof type === 'string' ? type : undefined, result.error.issues)
  return { ...(result.data as Omit<UnknownWebhookEvent, 'unknown'>), unknown: true }
}
