// #region contract
import {
  CustomerCreate,
  computeTotals,
  openapi,
  routes,
  searchEventTypes,
  validate,
  WebhookEvent,
  type WebhookEventOf,
} from '@octopuspro/contract'

// Validate a body before sending it: the same schema the API uses, readable problems.
const checked = validate(CustomerCreate, { name: 'Ada Lovelace', emial: 'ada@example.com' })
if (!checked.success) console.log(checked.details) // [{ path: 'emial', message: 'unknown parameter: emial' }]

// Parse an event from anywhere (a queue, a log) into the discriminated union, and narrow it.
function onEvent(json: unknown) {
  const event = WebhookEvent.parse(json)
  if (event.type === 'payment.approved') return (event satisfies WebhookEventOf<'payment.approved'>).data.amount
}

// { subtotal: 18000, tax: 1800, total: 19800 }
const totals = computeTotals([{ description: 'Gutter cleaning', quantity: 1, unit_amount: 18_000, tax_rate: 10 }])
const paymentTypes = searchEventTypes('payment').map((entry) => entry.type) // the settings page's search box
const approve = routes.payments.approve // { method: 'POST', path: '/payments/{id}/approve', … }
const document = openapi() // OpenAPI 3.1, built from the same schemas

// #endregion contract

export { approve, checked, document, onEvent, paymentTypes, totals }
