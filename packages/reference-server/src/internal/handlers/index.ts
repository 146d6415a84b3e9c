import { accountHandlers } from './account.js'
import { apiKeyHandlers } from './api-keys.js'
import { appointmentHandlers } from './appointments.js'
import { bookingHandlers } from './bookings.js'
import { communicationHandlers } from './communications.js'
import { complaintHandlers } from './complaints.js'
import { customerHandlers } from './customers.js'
import { eventHandlers, eventTypeHandlers } from './events.js'
import { inquiryHandlers } from './inquiries.js'
import { integrationHandlers } from './integrations.js'
import { invoiceHandlers } from './invoices.js'
import { paymentHandlers } from './payments.js'
import { quoteHandlers } from './quotes.js'
import { requestLogHandlers } from './request-logs.js'
import type { HandlerTable } from './types.js'
import { userHandlers } from './users.js'
import { webhookDeliveryHandlers } from './webhook-deliveries.js'
import { webhookHandlers } from './webhooks.js'

/** The business logic of every route of the contract's table, by group and action. */
export const handlers: HandlerTable = {
  customers: customerHandlers,
  users: userHandlers,
  inquiries: inquiryHandlers,
  quotes: quoteHandlers,
  bookings: bookingHandlers,
  appointments: appointmentHandlers,
  invoices: invoiceHandlers,
  payments: paymentHandlers,
  complaints: complaintHandlers,
  communications: communicationHandlers,
  account: accountHandlers,
  apiKeys: apiKeyHandlers,
  integrations: integrationHandlers,
  webhooks: webhookHandlers,
  webhookDeliveries: webhookDeliveryHandlers,
  webhookEventTypes: eventTypeHandlers,
  events: eventHandlers,
  requestLogs: requestLogHandlers,
}
