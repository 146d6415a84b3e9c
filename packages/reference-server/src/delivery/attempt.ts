import type { DeliveryAttempt } from '@octopuspro/contract'
import type { Clock } from '../clock.js'
import { readExcerpt } from './excerpt.js'
import type { SignatureSigner } from './signer.js'
import type { DeliveryTransport } from './transport.js'
import { type AttemptVerdict, judgeResponse } from './verdict.js'

/**
 * What every attempt of an engine shares.
 *
 * @example `const context: DeliveryAttemptContext = { clock, transport, signer, timeoutMs: 15000, userAgent }`
 */
export interface DeliveryAttemptContext {
  clock: Clock
  transport: DeliveryTransport
  signer: SignatureSigner
  timeoutMs: number
  userAgent: string
}

/** One POST of one event to one endpoint. @example `sendAttempt(context, { url, secrets, eventId, body, inFlight })` */
export interface AttemptRequest {
  url: string
  /** The keys that sign now (`whsec_…` or `whsk_…`; two during a rotation). */
  secrets: readonly string[]
  /** The event id: the `webhook-id`, the same on every attempt. */
  eventId: string
  /** The event as UTF-8 JSON, encoded once: every attempt sends (and signs) these exact bytes. */
  body: Uint8Array
  /** The aborts of the engine's requests in flight: this one's is in it while it runs, so closing can abort it. */
  inFlight: Set<() => void>
}

/**
 * An attempt as the delivery log records it, and what it means for the delivery.
 *
 * @example `const { attempt, verdict } = await sendAttempt(context, request)`
 */
export interface AttemptResult {
  attempt: DeliveryAttempt
  verdict: AttemptVerdict
}

/**
 * POSTs the event with fresh Standard Webhooks headers (this attempt's timestamp, one signature per secret), never
 * following redirects, and records status, error, duration and a 1 KiB excerpt of the answer. Never throws: a
 * refused connection or a timeout is a failed attempt like any other.
 *
 * @example
 * ```ts
 * const { attempt, verdict } = await sendAttempt(context, {
 *   url,
 *   secrets: [secret],
 *   eventId: event.id,
 *   body,
 *   inFlight: new Set(),
 * })
 * attempt.status_code // 200
 * ```
 */
export async function sendAttempt(context: DeliveryAttemptContext, request: AttemptRequest): Promise<AttemptResult> {
  const { clock, timeoutMs } = context
  const startedAt = clock.now()
  const timestamp = Math.floor(startedAt / 1000)
  let timedOut = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let abort: (() => void) | undefined
  let statusCode: number | null = null
  let excerpt: string | null = null
  let judgement: { verdict: AttemptVerdict; error: string | null }
  try {
    const signature = context.signer.header(request.secrets, request.eventId, timestamp, request.body)
    const pending = context.transport.send({
      url: request.url,
      headers: {
        'content-type': 'application/json',
        'user-agent': context.userAgent,
        'webhook-id': request.eventId,
        'webhook-timestamp': String(timestamp),
        // A string on node:crypto: awaiting only a promise keeps the hot path free of a microtask.
        'webhook-signature': typeof signature === 'string' ? signature : await signature,
      },
      body: request.body,
    })
    abort = pending.abort
    request.inFlight.add(abort)
    // The wait itself is real even on a manual clock: a receiver that hangs must not hang the engine.
    timer = setTimeout(() => {
      timedOut = true
      pending.abort()
    }, timeoutMs)
    const response = await pending.response
    statusCode = response.status
    judgement = judgeResponse(response.status, response.location)
    excerpt = await readExcerpt(response.body)
  } catch (error) {
    judgement = { verdict: 'retry', error: timedOut ? `timed out after ${timeoutMs} ms` : describeFailure(error) }
  } finally {
    clearTimeout(timer)
    if (abort) request.inFlight.delete(abort)
  }
  return {
    attempt: {
      at: new Date(startedAt).toISOString(),
      status_code: statusCode,
      error: judgement.error,
      duration_ms: clock.now() - startedAt,
      response_body_excerpt: excerpt,
    },
    verdict: judgement.verdict,
  }
}

/** The reason in a few words; fetch hides it in `cause` ("fetch failed" ← "connect ECONNREFUSED 127.0.0.1:4010"). */
function describeFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  if (!(cause instanceof Error)) return String(cause)
  const first = cause instanceof AggregateError && cause.errors[0] instanceof Error ? cause.errors[0] : cause
  return first.message || (first as { code?: string }).code || first.name
}
