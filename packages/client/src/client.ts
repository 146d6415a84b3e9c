import {
  type ListPage,
  type RouteDefinition,
  type RouteItem,
  type RouteResponse,
  type Routes,
  type RouteTable,
  routes,
} from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { APIPromise } from './core/api-promise.js'
import { Page, PagePromise } from './core/pagination.js'
import type { RouteParams } from './core/route-params.js'
import { type RouteResources, routeResource } from './core/route-resource.js'
import { type CallParams, Transport } from './core/transport.js'
import type { ClientOptions, RequestOptions, WithResponse } from './core/types.js'
import { OctopusProError } from './errors/octopuspro-error.js'
import { readEnv } from './internal/env.js'
import { IntegrationsResource } from './resources/integrations.js'
import { WebhooksResource } from './resources/webhooks.js'

/**
 * The resource groups whose methods need more than their route-table entry, by group: the class the client builds
 * for the group instead of the derived one (it extends the derived one).
 */
const customResources = { integrations: IntegrationsResource, webhooks: WebhooksResource }

/**
 * The resources of a client over `T`: one per group of the table, the custom classes for their groups.
 *
 * @example
 * ```ts
 * type Payments = ClientResources<Routes>['payments'] // approve, reject, refund, list, create, get
 * ```
 */
export type ClientResources<T> = Omit<RouteResources<T>, keyof typeof customResources> & {
  readonly [G in keyof typeof customResources & keyof T]: InstanceType<(typeof customResources)[G]>
}

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
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface declares the resources the constructor adds.
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

  /** The route table the resources are built from; {@link OctopusPro.withRoutes} makes a client of another. */
  static readonly routeTable: RouteTable = routes

  /**
   * A client class over another route table — the contract's with routes added, say: every group of `table`
   * becomes a resource with a method per route, typed from the table. How a route added to the contract's table
   * reaches `op` with no other edit.
   *
   * @example
   * ```ts
   * const Client = OctopusPro.withRoutes({ ...routes, widgets: { get: widgetRoute } })
   * const widget = await new Client({ apiKey, baseUrl }).widgets.get('wdg_1')
   * ```
   */
  static withRoutes<const T extends RouteTable>(
    table: T,
  ): new (
    options?: ClientOptions,
  ) => Omit<OctopusPro, keyof ClientResources<Routes>> & ClientResources<T> {
    return class extends OctopusPro {
      static override readonly routeTable: RouteTable = table
    } as never
  }

  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv('OCTOPUSPRO_API_KEY')
    if (!apiKey) {
      throw new OctopusProError(
        'missing_api_key',
        'No API key: pass new OctopusPro({ apiKey }) or set OCTOPUSPRO_API_KEY (create a key in OctopusPro under ' +
          'Settings → API keys)',
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
    const table = (new.target as typeof OctopusPro).routeTable
    const resources = this as unknown as Record<string, unknown>
    for (const [group, definitions] of Object.entries(table)) {
      const ResourceClass = customResources[group as keyof typeof customResources] ?? routeResource(definitions)
      resources[group] = new ResourceClass(this)
    }
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
   * for await (const event of op.requestPage(routes.events.list, { query: { type: 'booking.created' } })) {
   *   console.log(event.id)
   * }
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
    return (
      `OctopusPro { baseUrl: '${this.baseUrl}', timeout: ${this.timeout}, maxRetries: ${this.maxRetries}, ` +
      `validateResponses: ${this.validateResponses} }`
    )
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

/** The resource groups of the contract's route table (`op.customers`, `op.payments`, …), built from it. */
export interface OctopusPro extends ClientResources<Routes> {}

function checkBaseUrl(baseUrl: string | undefined): string {
  if (!baseUrl) {
    throw new OctopusProError(
      'missing_base_url',
      "No base URL: pass new OctopusPro({ baseUrl }) (the API's URL ending in /v1, or a reference server's " +
        'server.baseUrl) or set OCTOPUSPRO_BASE_URL',
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
