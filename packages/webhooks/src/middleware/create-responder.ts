import type { UnknownWebhookEvent, WebhookEvent } from '@octopuspro/contract'
import type { DedupeStore } from '../dedupe/store.js'
import { type DedupeOperation, DedupeStoreError } from '../errors/dedupe-store-error.js'
import { isWebhookVerificationError } from '../errors/guards.js'
import type { WebhookHandlerError } from '../errors/webhook-handler-error.js'
import type { WebhookError } from '../event-handler/types.js'
import type { HeaderLookup } from '../verify/headers.js'
import { isLargerThan, toRawBytes } from '../verify/raw-body.js'
import { duplicate, errorResponse, handled, tooLarge, verificationFailed } from './responses.js'
import type { WebhookRequest, WebhookResponse } from './types.js'

/** A verified delivery: its `webhook-id` (the dedupe key) and its event. */
export interface VerifiedDelivery {
  id: string
  event: WebhookEvent | UnknownWebhookEvent
}

/** What the generic middleware needs from `Webhooks`. */
export interface ResponderSettings {
  verify(body: string | Uint8Array, header: HeaderLookup): Promise<VerifiedDelivery>
  receive(event: WebhookEvent | UnknownWebhookEvent): Promise<void>
  reportError(error: WebhookError): void
  dedupe: DedupeStore | undefined
  ack: 'after-handlers' | 'immediate'
  maxBodyBytes: number
  /** Takes each verified delivery instead of dedupe and handlers (the queue door enqueues it). */
  accept?: (delivery: VerifiedDelivery) => Promise<WebhookResponse>
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i

/**
 * The one generic middleware: request in, answer out. Checks method, media type and size, verifies and parses,
 * claims the delivery in the dedupe store, runs the handlers (before answering, or after with
 * `ack: 'immediate'`), then completes or releases the claim. It never throws.
 */
export function createResponder(settings: ResponderSettings): (request: WebhookRequest) => Promise<WebhookResponse> {
  const { dedupe, maxBodyBytes } = settings
  const accept = settings.accept ?? deliver

  async function settleClaim(operation: Exclude<DedupeOperation, 'claim'>, id: string, token: string): Promise<void> {
    try {
      await dedupe?.[operation](id, token)
    } catch (cause) {
      settings.reportError(new DedupeStoreError(operation, id, cause))
    }
  }

  /** Runs the handlers and settles the claim; resolves with the failure, if any (already reported). */
  async function run(delivery: VerifiedDelivery, token: string | undefined): Promise<WebhookHandlerError | undefined> {
    const failure = await settings.receive(delivery.event).then(
      () => undefined,
      (error: WebhookHandlerError) => error,
    )
    if (token !== undefined) await settleClaim(failure ? 'release' : 'complete', delivery.id, token)
    return failure
  }

  async function deliver(delivery: VerifiedDelivery): Promise<WebhookResponse> {
    let token: string | undefined
    if (dedupe) {
      let claim
      try {
        claim = await dedupe.claim(delivery.id)
      } catch (cause) {
        settings.reportError(new DedupeStoreError('claim', delivery.id, cause))
        return errorResponse(500, 'dedupe_failed', 'the dedupe store is unavailable; the delivery will be retried')
      }
      if (claim.status === 'duplicate') return duplicate(delivery.id)
      if (claim.status === 'in_flight') {
        return errorResponse(409, 'in_flight', `${delivery.id} is being handled by another request; retry later`)
      }
      token = claim.token
    }
    if (settings.ack === 'immediate') {
      void run(delivery, token)
      return handled
    }
    const failure = await run(delivery, token)
    if (!failure) return handled
    return errorResponse(
      500,
      'handler_failed',
      `${failure.errors.length} of ${failure.handlerCount} handler(s) of ${failure.event.type} failed; the receiver ` +
        'reported the errors to its onError handlers and the delivery will be retried',
    )
  }

  async function respond(request: WebhookRequest): Promise<WebhookResponse> {
    if (request.method !== 'POST') {
      return errorResponse(405, 'method_not_allowed', `webhooks are delivered with POST, not ${request.method}`, {
        allow: 'POST',
      })
    }
    const contentType = request.header('content-type')
    if (contentType !== undefined && !JSON_MEDIA_TYPE.test(contentType)) {
      return errorResponse(
        415,
        'unsupported_media_type',
        `webhooks are JSON (content-type: application/json), not ${contentType}`,
      )
    }
    if (Number(request.header('content-length')) > maxBodyBytes) return tooLarge(maxBodyBytes)
    let body: unknown
    try {
      body = await request.readBody(maxBodyBytes)
    } catch (error) {
      return errorResponse(400, 'body_unreadable', `the request body could not be read: ${(error as Error).message}`)
    }
    if (body === null) return tooLarge(maxBodyBytes)
    let delivery: VerifiedDelivery
    try {
      const raw = toRawBytes(body)
      if (isLargerThan(raw, maxBodyBytes)) return tooLarge(maxBodyBytes)
      delivery = await settings.verify(raw, request.header)
    } catch (error) {
      if (isWebhookVerificationError(error)) return verificationFailed(error)
      throw error
    }
    return accept(delivery)
  }

  return async function respondSafely(request) {
    try {
      return await respond(request)
    } catch (error) {
      console.error('@octopuspro/webhooks failed unexpectedly (please report this bug)', error)
      return errorResponse(500, 'internal_error', 'the webhook receiver failed unexpectedly; see its logs')
    }
  }
}
