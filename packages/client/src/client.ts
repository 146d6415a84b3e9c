import type { ListPage, RouteDefinition, RouteItem, RouteResponse } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { APIPromise } from './core/api-promise.js'
import { Page, PagePromise } from './core/pagination.js'
import type { RouteParams } from './core/route-params.js'
import { type CallParams, Transport } from './core/transport.js'
import type { ClientOptions, RequestOptions, WithResponse } from './core/types.js'
import { OctopusProError } from './errors/octopuspro-error.js'
import { readEnv } from './internal/env.js'
import { AccountResource } from './resources/account.js'
import { ApiKeysResource } from './resources/api-keys.js'
import { AppointmentsResource } from './resources/appointments.js'
import { BookingsResource } from './resources/bookings.js'
import { CommunicationsResource } from './resources/communications.js'
import { ComplaintsResource } from './resources/complaints.js'
import { CustomersResource } from './resources/customers.js'
import { EventsResource } from './resources/events.js'
import { InquiriesResource } from './resources/inquiries.js'
import { IntegrationsResource } from './resources/integrations.js'
import { InvoicesResource } from './resources/invoices.js'
import { PaymentsResource } from './resources/payments.js'
import { QuotesResource } from './resources/quotes.js'
import { RequestLogsResource } from './resources/request-logs.js'
import { UsersResource } from './resources/users.js'
import { WebhookDeliveriesResource } from './resources/webhook-deliveries.js'
import { WebhookEventTypesResource } from './resources/webhook-event-types.js'
import { WebhooksResource } from './resources/webhooks.js'

const defaultTimeout = 60_000
const defaultMaxRetries = 2
const maxTimeout = 2_147_483_647

/**
 * The OctopusPro Open API client: one property per resource group of the contract's route table, every method
 * typed from the contract, responses validated against it, retries with idempotency keys, auto-pagination.
 *
 * @example
 * ```ts
 * import { OctopusPro } from '@octopuspro/client'
 *
 * const op = new OctopusPro({ apiKey: process.env.OCTOPUSPRO_API_KEY, baseUrl: 'https://api.example.com/v1' })
 * const customer = await op.customers.create({ name: 'Ada Lovelace' })
 * for await (const booking of op.bookings.list({ customer_id: customer.id })) console.log(booking.service)
 * ```
 */
export class OctopusPro {
  /** The API's base URL, `/v1` included. */
  readonly baseUrl: string
  /** Milliseconds one attempt may take. */
  readonly timeout: number
  /** Retries of a failed attempt. */
  readonly maxRetries: number
  /** Whether responses are parsed with the contract's schemas. */
  readonly validateResponses: boolean
  readonly #transport: Transport

  /** Customers: `/v1/customers`. */
  readonly customers: CustomersResource = new CustomersResource(this)
  /** Staff users: `/v1/users`. */
  readonly users: UsersResource = new UsersResource(this)
  /** Inquiries (leads): `/v1/inquiries`. */
  readonly inquiries: InquiriesResource = new InquiriesResource(this)
  /** Quotes: `/v1/quotes`. */
  readonly quotes: QuotesResource = new QuotesResource(this)
  /** Bookings: `/v1/bookings`. */
  readonly bookings: BookingsResource = new BookingsResource(this)
  /** Appointments, with `setStatus` and `arrive`: `/v1/appointments`. */
  readonly appointments: AppointmentsResource = new AppointmentsResource(this)
  /** Invoices: `/v1/invoices`. */
  readonly invoices: InvoicesResource = new InvoicesResource(this)
  /** Payments, with `approve`, `reject` and `refund`: `/v1/payments`. */
  readonly payments: PaymentsResource = new PaymentsResource(this)
  /** Complaints: `/v1/complaints`. */
  readonly complaints: ComplaintsResource = new ComplaintsResource(this)
  /** Logged calls and messages: `/v1/communications`. */
  readonly communications: CommunicationsResource = new CommunicationsResource(this)
  /** The account of the API key: `/v1/account`. */
  readonly account: AccountResource = new AccountResource(this)
  /** API keys, with `roll` and `revoke`: `/v1/api-keys`. */
  readonly apiKeys: ApiKeysResource = new ApiKeysResource(this)
  /** Built-in integrations, with `connect` and `disconnect`: `/v1/integrations`. */
  readonly integrations: IntegrationsResource = new IntegrationsResource(this)
  /** Webhook endpoints, with `getSecret`, `rotateSecret`, `sendTest` and `listDeliveries`: `/v1/webhooks`. */
  readonly webhooks: WebhooksResource = new WebhooksResource(this)
  /** Webhook deliveries, with `redeliver`: `/v1/webhook-deliveries`. */
  readonly webhookDeliveries: WebhookDeliveriesResource = new WebhookDeliveriesResource(this)
  /** The event type catalog: `/v1/webhook-event-types`. */
  readonly webhookEventTypes: WebhookEventTypesResource = new WebhookEventTypesResource(this)
  /** The event log: `/v1/events`. */
  readonly events: EventsResource = new EventsResource(this)
  /** The most recent API requests: `/v1/request-logs`. */
  readonly requestLogs: RequestLogsResource = new RequestLogsResource(this)

  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv('OCTOPUSPRO_API_KEY')
    if (!apiKey) {
      throw new OctopusProError(
        'missing_api_key',
        'No API key: pass new OctopusPro({ apiKey }) or set OCTOPUSPRO_API_KEY (create a key in OctopusPro under Settings → API keys)',
      )
    }
    this.baseUrl = checkBaseUrl(options.baseUrl ?? readEnv('OCTOPUSPRO_BASE_URL'))
    this.timeout = checkNumber('timeout', options.timeout ?? defaultTimeout, 1, maxTimeout)
    this.maxRetries = checkNumber('maxRetries', options.maxRetries ?? defaultMaxRetries, 0, Number.MAX_SAFE_INTEGER)
    this.validateResponses = options.validateResponses ?? true
    this.#transport = new Transport({
      apiKey,
      baseUrl: this.baseUrl,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      fetch: options.fetch,
      validateResponses: this.validateResponses,
      hooks: options.hooks ?? {},
      logger: options.logger,
    })
  }

  /**
   * Calls any route of the contract's route table; the resource methods are built on it.
   *
   * @example
   * ```ts
   * import { routes } from '@octopuspro/contract'
   * const payment = await op.request(routes.payments.approve, { id: 'pay_1', body: {} })
   * ```
   */
  request<R extends RouteDefinition>(
    route: R,
    params: RouteParams<R>,
    options?: RequestOptions,
  ): APIPromise<RouteResponse<R>> {
    return new APIPromise(
      this.#transport.send(route, params as CallParams, options) as Promise<WithResponse<RouteResponse<R>>>,
    )
  }

  /**
   * Calls a list route of the route table and returns its first page, ready for auto-pagination.
   *
   * @example
   * ```ts
   * import { routes } from '@octopuspro/contract'
   * for await (const event of op.requestPage(routes.events.list, { query: { type: 'booking.created' } })) console.log(event.id)
   * ```
   */
  requestPage<R extends RouteDefinition & { item: z.ZodMiniType }>(
    route: R,
    params: RouteParams<R>,
    options?: RequestOptions,
  ): PagePromise<RouteItem<R>> {
    const { query, ...rest } = params as CallParams
    const fetchPage = (pageQuery: object | undefined): PagePromise<RouteItem<R>> =>
      new PagePromise(
        this.#transport.send(route, { ...rest, query: pageQuery }, options).then(({ data, response, requestId }) => ({
          data: new Page(data as ListPage<RouteItem<R>>, (cursor) =>
            fetchPage({ ...pageQuery, starting_after: cursor }),
          ),
          response,
          requestId,
        })),
      )
    return fetchPage(query)
  }

  /** A description without the API key. @example `String(op) // 'OctopusPro { baseUrl: … }'` */
  toString(): string {
    return `OctopusPro { baseUrl: '${this.baseUrl}', timeout: ${this.timeout}, maxRetries: ${this.maxRetries}, validateResponses: ${this.validateResponses} }`
  }

  /** The settings without the API key. @example `JSON.stringify(op)` */
  toJSON(): Pick<OctopusPro, 'baseUrl' | 'timeout' | 'maxRetries' | 'validateResponses'> {
    return {
      baseUrl: this.baseUrl,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      validateResponses: this.validateResponses,
    }
  }

  /** What `util.inspect` and `console.log` show: the settings without the API key. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString()
  }
}

function checkBaseUrl(baseUrl: string | undefined): string {
  if (!baseUrl) {
    throw new OctopusProError(
      'missing_base_url',
      "No base URL: pass new OctopusPro({ baseUrl }) (the API's URL ending in /v1, or a reference server's server.baseUrl) or set OCTOPUSPRO_BASE_URL",
    )
  }
  if (!isHttpUrl(baseUrl)) {
    throw new OctopusProError(
      'invalid_option',
      `baseUrl '${baseUrl}' is not an http(s) URL; pass one such as https://api.example.com/v1`,
    )
  }
  return baseUrl.replace(/\/+$/, '')
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol)
  } catch {
    return false
  }
}

function checkNumber(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new OctopusProError(
      'invalid_option',
      `${name} must be an integer from ${min} to ${max}; got ${String(value)}`,
    )
  }
  return value
}
