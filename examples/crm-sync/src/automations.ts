import type { OctopusPro } from '@octopuspro/client'
import type { Webhooks } from '@octopuspro/webhooks'
import type { InMemoryCrm } from './stand-ins/crm.js'
import type { InMemoryEmailList } from './stand-ins/email-list.js'
import type { InMemoryFinanceTool } from './stand-ins/finance-tool.js'

/** The systems the automations write to (here: in-memory stand-ins). */
export interface Destinations {
  crm: InMemoryCrm
  emailList: InMemoryEmailList
  finance: InMemoryFinanceTool
}

/**
 * The two automations of the OctopusPro integration guide:
 * - a new customer → a CRM contact and, when there is an email address, a member of the "New Customers" list;
 * - a payment approved → the payment recorded in the finance tool, which marks the invoice paid once covered.
 *
 * Every handler is idempotent (keyed by OctopusPro ids): when one handler of an event fails, the receiver answers
 * 500 and the retry runs all of the event's handlers again.
 */
export function registerAutomations(
  webhooks: Webhooks,
  op: OctopusPro,
  { crm, emailList, finance }: Destinations,
): void {
  // #region automations
  webhooks.on('customer.created', async ({ data: customer }) => {
    await crm.upsertContact({
      externalId: customer.id,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      company: customer.company,
      stage: 'new',
    })
  })

  webhooks.on('customer.created', async ({ data: customer }) => {
    if (customer.email === null) return // nothing to subscribe
    await emailList.subscribe({ email: customer.email, name: customer.name, tags: ['new-customer', ...customer.tags] })
  })

  webhooks.on('payment.approved', async ({ data: payment }) => {
    if (payment.invoice_id === null) return // a payment not tied to an invoice
    const invoice = await op.invoices.get(payment.invoice_id) // the event has the payment; fetch the invoice it pays
    await finance.recordPayment(
      { number: invoice.number, total: invoice.total, currency: invoice.currency },
      { paymentId: payment.id, amount: payment.amount },
    )
  })
  // #endregion automations
}
