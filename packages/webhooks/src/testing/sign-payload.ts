import { signWebhook } from '@octopuspro/contract'

/**
 * Options of {@link signPayload}.
 *
 * @example `await signPayload({ secret, id: event.id, body: JSON.stringify(event) })`
 */
export interface SignPayloadOptions {
  /**
   * The secret the receiver is configured with (`whsec_…`), or the `whsk_…` ed25519 secret key whose public key it
   * has (`generateSigningSecretKey()` and `webhookPublicKey()` of the contract make a pair); several give one
   * signature each.
   */
  secret: string | readonly string[]
  /** The `webhook-id`: the event id. */
  id: string
  /** The exact body that will be posted. */
  body: string
  /** Unix seconds or a date. Default: now. */
  timestamp?: number | Date
}

/** The headers of a signed delivery. @example `await fetch(url, { method: 'POST', headers: signed, body })` */
export type SignedHeaders = Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature' | 'content-type', string>

/**
 * Signs a body the way OctopusPro does (Standard Webhooks) and returns the headers to post it with.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(createTestEvent('booking.created'))
 * const headers = await signPayload({ secret, id: JSON.parse(body).id, body })
 * const response = await app.request('/webhooks', { method: 'POST', headers, body })
 * ```
 */
export async function signPayload(options: SignPayloadOptions): Promise<SignedHeaders> {
  const { timestamp = new Date() } = options
  const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp
  const headers = await signWebhook({ secret: options.secret, id: options.id, timestamp: seconds, body: options.body })
  return { ...headers, 'content-type': 'application/json' }
}
