import { computeTotals, generateWebhookSecret, signWebhook, type WebhookEvent } from '@octopuspro/contract'
import { createSampleEvent } from '@octopuspro/contract/samples'

/** A signed delivery as a receiver gets it: the raw body bytes and the Standard Webhooks headers. */
export interface SignedDelivery {
  event: WebhookEvent
  body: Buffer
  headers: Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>
}

/**
 * A valid event whose JSON body is about `bytes` long: a `customer.created` with notes for small sizes, an
 * `invoice.created` with as many line items as it takes (up to the contract's 100) for large ones.
 */
export function eventOfSize(bytes: number): WebhookEvent {
  const customer = createSampleEvent('customer.created')
  const room = bytes - JSON.stringify(customer).length
  if (room <= 5000)
    return createSampleEvent('customer.created', {
      data: { notes: 'Prefers morning visits; gate code 4512. '.repeat(60).slice(0, Math.max(1, room)) },
    })
  const lineItems = []
  for (let i = 1; i <= 100 && JSON.stringify(lineItems).length < bytes - 1000; i++) {
    const description =
      `Section ${i}: gutter cleaning, downpipes flushed and checked, debris bagged and removed, ` +
      `photos before and after attached to the job`
    lineItems.push({ description, quantity: 1 + (i % 3), unit_amount: 4500 + i * 10, tax_rate: 10 })
  }
  const totals = computeTotals(lineItems)
  return createSampleEvent('invoice.created', {
    data: { line_items: lineItems, ...totals, amount_due: totals.total, amount_paid: 0 },
  })
}

/** Signs `event` for `secret` (a fresh one when absent), timestamped now. */
export async function signedDelivery(
  event: WebhookEvent,
  secret: string = generateWebhookSecret(),
): Promise<SignedDelivery & { secret: string }> {
  const json = JSON.stringify(event)
  const headers = await signWebhook({ secret, id: event.id, timestamp: Math.floor(Date.now() / 1000), body: json })
  return { event, body: Buffer.from(json), headers, secret }
}
