import type { UnknownWebhookEvent, WebhookEvent } from '@octopuspro/contract'

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100)

/** One line about an event, read from its typed data (each branch is narrowed to its event type). */
export function summarize(event: WebhookEvent | UnknownWebhookEvent): string {
  if ('unknown' in event) return `(an event type this version does not know)`
  switch (event.type) {
    case 'inquiry.created':
      return `${event.data.name} asks for "${event.data.service}" (via ${event.data.source})`
    case 'customer.created':
      return `${event.data.name} <${event.data.email ?? 'no e-mail'}>`
    case 'quote.created':
      return (
        `${money(event.data.total, event.data.currency)} for ${event.data.line_items.length} item(s), ` +
        `${event.data.status}`
      )
    case 'quote.updated':
      return `status ${event.previous_attributes?.status ?? '?'} → ${event.data.status}`
    case 'booking.created':
      return (
        `"${event.data.service}" on ${event.data.scheduled_start.slice(0, 16).replace('T', ' ')} UTC, ` +
        `${event.data.status}`
      )
    case 'appointment.status_changed':
      return `${event.previous_attributes?.status ?? '?'} → ${event.data.status}`
    case 'appointment.fieldworker_arrived':
      return `fieldworker ${event.data.fieldworker_id} arrived at ${event.data.arrived_at?.slice(11, 19)} UTC`
    case 'invoice.created':
      return `${event.data.number} for ${money(event.data.total, event.data.currency)}, ${event.data.status}`
    case 'invoice.updated':
      return (
        `${event.data.number} ${event.previous_attributes?.status ?? ''} → ${event.data.status}, ` +
        `${money(event.data.amount_due, event.data.currency)} due`
      )
    case 'payment.created':
    case 'payment.approved':
      return (
        `${money(event.data.amount, event.data.currency)} by ${event.data.method} via ${event.data.gateway}, ` +
        `${event.data.status}`
      )
    case 'communication.call_missed':
      return `missed call from ${event.data.from} → create a callback task`
    default:
      return event.type
  }
}
