import { signPayload } from './sign-payload.js'

/**
 * Options of {@link sendTestWebhook}.
 *
 * @example `await sendTestWebhook(url, { secret, event: createTestEvent('booking.created') })`
 */
export interface SendTestWebhookOptions {
  /** The secret the receiver is configured with (`whsec_…`), or a `whsk_…` key whose public key it has. */
  secret: string | readonly string[]
  /** The event to send (any object with an `id`, so malformed events can be sent too). */
  event: { readonly id: string }
  /** Unix seconds or a date to sign with. Default: now. */
  timestamp?: number | Date
  /** The fetch to use. Default: the global one. */
  fetch?: typeof fetch
}

/**
 * Posts a signed event to a running receiver, as OctopusPro would, and resolves with its response.
 *
 * @example
 * ```ts
 * const response = await sendTestWebhook('http://127.0.0.1:3000/webhooks', {
 *   secret,
 *   event: createTestEvent('payment.approved'),
 * })
 * expect(response.status).toBe(204)
 * ```
 */
export async function sendTestWebhook(url: string | URL, options: SendTestWebhookOptions): Promise<Response> {
  const body = JSON.stringify(options.event)
  const headers = await signPayload({
    secret: options.secret,
    id: options.event.id,
    body,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  })
  return (options.fetch ?? fetch)(url, { method: 'POST', headers, body })
}
