import type { RouteGroup } from '@octopuspro/contract'

/** What one object of each route group (and each collection) is called in messages. */
export const labels: { readonly [G in RouteGroup]: string } = {
  customers: 'customer',
  users: 'user',
  inquiries: 'inquiry',
  quotes: 'quote',
  bookings: 'booking',
  appointments: 'appointment',
  invoices: 'invoice',
  payments: 'payment',
  complaints: 'complaint',
  communications: 'communication',
  account: 'account',
  apiKeys: 'API key',
  integrations: 'integration',
  webhooks: 'webhook endpoint',
  webhookDeliveries: 'webhook delivery',
  webhookEventTypes: 'event type',
  events: 'event',
  requestLogs: 'request log entry',
}
