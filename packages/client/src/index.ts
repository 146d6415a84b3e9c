/**
 * `@octopuspro/client`: the typed OctopusPro Open API client — every endpoint of the contract's route table,
 * auto-pagination, retries with idempotency keys, errors you can act on. Runs on any runtime with `fetch`.
 *
 * @example
 * ```ts
 * import { OctopusPro, NotFoundError } from '@octopuspro/client'
 *
 * const op = new OctopusPro() // OCTOPUSPRO_API_KEY, OCTOPUSPRO_BASE_URL
 * const customer = await op.customers.create({ name: 'Ada Lovelace' })
 * ```
 *
 * @packageDocumentation
 */
export { OctopusPro } from './client.js'
export { APIPromise } from './core/api-promise.js'
export { APIResource } from './core/api-resource.js'
export { Page, PagePromise } from './core/pagination.js'
export type { RouteParams } from './core/route-params.js'
export type {
  AfterResponseState,
  AttemptInfo,
  BeforeRequestState,
  ClientOptions,
  Fetch,
  Hooks,
  LogFields,
  Logger,
  RequestOptions,
  RetryState,
  WithResponse,
} from './core/types.js'
export { APIConnectionError } from './errors/api-connection-error.js'
export {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
} from './errors/api-error.js'
export { APITimeoutError } from './errors/api-timeout-error.js'
export { APIUserAbortError } from './errors/api-user-abort-error.js'
export { OctopusProError } from './errors/octopuspro-error.js'
export { ResponseValidationError } from './errors/response-validation-error.js'
export {
  isAPIConnectionError,
  isAPIError,
  isAPITimeoutError,
  isAPIUserAbortError,
  isOctopusProError,
  isResponseValidationError,
} from './errors/type-guards.js'
export { AccountResource } from './resources/account.js'
export { ApiKeysResource } from './resources/api-keys.js'
export { AppointmentsResource } from './resources/appointments.js'
export { BookingsResource } from './resources/bookings.js'
export { CommunicationsResource } from './resources/communications.js'
export { ComplaintsResource } from './resources/complaints.js'
export { CustomersResource } from './resources/customers.js'
export { EventsResource } from './resources/events.js'
export { InquiriesResource } from './resources/inquiries.js'
export { IntegrationsResource } from './resources/integrations.js'
export { InvoicesResource } from './resources/invoices.js'
export { PaymentsResource } from './resources/payments.js'
export { QuotesResource } from './resources/quotes.js'
export { RequestLogsResource } from './resources/request-logs.js'
export { UsersResource } from './resources/users.js'
export { WebhookDeliveriesResource } from './resources/webhook-deliveries.js'
export { WebhookEventTypesResource } from './resources/webhook-event-types.js'
export { WebhooksResource } from './resources/webhooks.js'
