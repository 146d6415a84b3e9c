import type { IssueDetail } from '@octopuspro/contract'
import { WebhooksError } from './webhooks-error.js'

/**
 * Why a delivery was refused: a signature problem (answered 401), a body problem (answered 400), or a bad secret
 * given to `new Webhooks()`.
 *
 * @example
 * ```ts
 * const clockProblems: WebhookVerificationReason[] = ['timestamp_too_old', 'timestamp_too_new']
 * ```
 */
export type WebhookVerificationReason =
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'no_matching_signature'
  | 'invalid_secret'
  | 'body_not_raw'
  | 'invalid_json'
  | 'invalid_payload'

/**
 * Details of a {@link WebhookVerificationError}, present depending on its reason.
 *
 * @example `error.issues?.map((i) => i.path)`
 */
export interface WebhookVerificationDetails {
  /** `missing_header`: the header that was missing. */
  header?: string
  /** `invalid_payload`: the `type` of the refused event. */
  eventType?: string
  /** `invalid_payload`: each failing field path and what is wrong with it. */
  issues?: readonly IssueDetail[]
}

/**
 * A delivery that did not verify or parse, or a secret that cannot be used. `reason` says which; the message says
 * how to fix it.
 *
 * @example
 * ```ts
 * try {
 *   const event = await webhooks.verify(rawBody, request.headers)
 * } catch (error) {
 *   if (isWebhookVerificationError(error) && error.reason === 'timestamp_too_old') {
 *     console.warn('check the server clock', error.message)
 *   }
 * }
 * ```
 */
export class WebhookVerificationError extends WebhooksError {
  /** The machine-readable reason. */
  readonly reason: WebhookVerificationReason
  /** `missing_header`: the header that was missing. */
  readonly header: string | undefined
  /** `invalid_payload`: the `type` of the refused event. */
  readonly eventType: string | undefined
  /** `invalid_payload`: each failing field path and what is wrong with it. */
  readonly issues: readonly IssueDetail[] | undefined

  constructor(reason: WebhookVerificationReason, message: string, details: WebhookVerificationDetails = {}) {
    super('webhook_verification_failed', message)
    this.name = 'WebhookVerificationError'
    this.reason = reason
    this.header = details.header
    this.eventType = details.eventType
    this.issues = details.issues
  }
}
