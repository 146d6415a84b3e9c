import type { OctopusPro } from '@octopuspro/client'
import type { WebhookDelivery, WebhookEvent } from '@octopuspro/contract'
import { CliError } from '../internal/cli-error.js'
import { commonUsage, parseCommandLine } from '../internal/command-line.js'
import { withApi } from '../internal/connection.js'
import { createOutput } from '../internal/output.js'

/** The usage text of `octopuspro events resend`. */
export const eventsResendUsage = `Usage: octopuspro events resend <evt_…> [options]

Delivers an event again to every endpoint that received it (or to one): a fresh attempt of each delivery.

Options:
  --webhook <whk_…>        only to this endpoint
${commonUsage}`

/** The endpoint's delivery of an event: deliveries are made when the event happens, so the search starts there. */
async function deliveryOf(op: OctopusPro, endpointId: string, event: WebhookEvent) {
  const since = new Date(Date.parse(event.timestamp) - 1).toISOString()
  for await (const delivery of op.webhooks.listDeliveries(endpointId, { limit: 100, created_after: since }))
    if (delivery.event_id === event.id) return delivery
  return undefined
}

/**
 * `octopuspro events resend <evt_…> [--webhook whk_…]`: redelivers an event
 * (`POST /v1/webhook-deliveries/{id}/redeliver` for each delivery it had).
 *
 * @example
 * ```ts
 * await eventsResendCommand(['evt_123', '--webhook', 'whk_123'])
 * ```
 */
export async function eventsResendCommand(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, {
    name: 'events resend',
    options: { webhook: { type: 'string' } },
    positionals: { min: 1, max: 1, what: 'one event id (evt_…)' },
  })
  const out = createOutput(values.json === true)
  if (values.help) return out.note(eventsResendUsage)
  const [eventId] = positionals as [string]
  await withApi(values, async (op) => {
    const event = await op.events.get(eventId)
    const endpointIds = values.webhook
      ? [(await op.webhooks.get(values.webhook)).id]
      : (await op.webhooks.list({ limit: 100 }).toArray({ limit: 10_000 })).map((endpoint) => endpoint.id)
    const deliveries: WebhookDelivery[] = []
    for (const id of endpointIds) {
      const delivery = await deliveryOf(op, id, event)
      if (delivery) deliveries.push(await op.webhookDeliveries.redeliver(delivery.id))
    }
    if (deliveries.length === 0) {
      const to = values.webhook ? values.webhook : 'any endpoint'
      throw new CliError(
        'failed',
        `${event.id} (${event.type}) was never delivered to ${to}, so there is nothing to resend; ` +
          `subscribe an endpoint to ${event.type} and run octopuspro trigger ${event.type}`,
      )
    }
    for (const delivery of deliveries)
      out.emit(`resending ${event.type} ${event.id} to ${delivery.endpoint_id} (${delivery.id})`, delivery)
  })
}
