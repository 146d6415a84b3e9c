import type { Webhooks } from '@octopuspro/webhooks'

/** A queue worker that stored the raw delivery (body and headers) and verifies it later, with no HTTP server. */
export async function processStoredDelivery(
  webhooks: Webhooks,
  stored: { body: string; headers: Record<string, string> },
) {
  // #region verify
  const event = await webhooks.verify(stored.body, stored.headers) // throws WebhookVerificationError (with .reason)
  if (event.type === 'payment.approved') return `approved ${event.data.amount} ${event.data.currency}`
  // #endregion verify
  return event.type
}
