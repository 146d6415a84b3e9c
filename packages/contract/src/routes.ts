import * as z from 'zod/mini'
import { DeletedObject, EmptyBody } from './common.js'
import type { EventType } from './event-types.js'
import { EventListQuery, WebhookEvent } from './events.js'
import type { IdKind } from './id-prefixes.js'
import { ListEnvelope, ListQuery, listQuery } from './list.js'
import { Id } from './primitives.js'
import { Account } from './resources/account.js'
import { ApiKey, ApiKeyCreate, ApiKeyRoll, ApiKeyUpdate, ApiKeyWithSecret } from './resources/api-key.js'
import {
  Appointment,
  AppointmentCreate,
  AppointmentListQuery,
  AppointmentStatusChange,
  AppointmentUpdate,
} from './resources/appointment.js'
import { Booking, BookingCreate, BookingListQuery, BookingUpdate } from './resources/booking.js'
import { Communication, CommunicationCreate, CommunicationListQuery } from './resources/communication.js'
import { Complaint, ComplaintCreate, ComplaintListQuery, ComplaintUpdate } from './resources/complaint.js'
import { Customer, CustomerCreate, CustomerListQuery, CustomerUpdate } from './resources/customer.js'
import { Inquiry, InquiryCreate, InquiryListQuery, InquiryUpdate } from './resources/inquiry.js'
import { Integration, IntegrationConnect, IntegrationIdSchema } from './resources/integration.js'
import { Invoice, InvoiceCreate, InvoiceListQuery, InvoiceUpdate } from './resources/invoice.js'
import { Payment, PaymentCreate, PaymentListQuery, PaymentRefund, PaymentReject } from './resources/payment.js'
import { Quote, QuoteCreate, QuoteListQuery, QuoteUpdate } from './resources/quote.js'
import { RequestLogEntry } from './resources/request-log.js'
import { User, UserCreate, UserListQuery, UserUpdate } from './resources/user.js'
import {
  DeliveryStatus,
  EventCategorySchema,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointSecret,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookEventType,
  WebhookSecretRotate,
  WebhookTestEvent,
} from './resources/webhook.js'

/** An HTTP method the API uses. @example `const method: HttpMethod = 'PATCH'` */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/**
 * One endpoint of the API. `path` is relative to `/v1` and names its one path parameter `{id}`; `id` is that
 * parameter's schema (an id prefix, or the integration ids). `list` routes answer a list envelope of `item`.
 *
 * @example
 * ```ts
 * const route: RouteDefinition = routes.payments.approve // { method: 'POST', path: '/payments/{id}/approve', … }
 * ```
 */
export interface RouteDefinition {
  method: HttpMethod
  path: string
  summary: string
  /** What one object of the route's group is called in messages (`customer`, `API key`); the server's labels. */
  label: string
  id?: z.ZodMiniType<string>
  query?: z.ZodMiniType
  body?: z.ZodMiniType
  response: z.ZodMiniType
  /** For list routes: the schema of one item. */
  item?: z.ZodMiniType
  status: 200 | 201
  list: boolean
  /** The events this route can emit (documentation and checks; the server decides which fire). */
  emits: readonly EventType[]
}

/**
 * A route definition with its literal types kept (`method: 'POST'`, `list: false`, its schemas), so a table built
 * from it gives the client typed methods; checked against {@link RouteDefinition}.
 *
 * @example
 * ```ts
 * const getWidget = route({
 *   method: 'GET', path: '/widgets/{id}', summary: 'Get a widget', label: 'widget',
 *   id: z.string(), response: Widget, status: 200, list: false, emits: [],
 * })
 * ```
 */
export function route<const R extends RouteDefinition>(definition: R): R {
  return definition
}

type Crud<O extends z.ZodMiniType, C extends z.ZodMiniType, U extends z.ZodMiniType, Q extends z.ZodMiniType> = {
  list: {
    method: 'GET'
    path: string
    summary: string
    label: string
    query: Q
    response: ReturnType<typeof ListEnvelope<O>>
    item: O
    status: 200
    list: true
    emits: readonly []
  }
  create: {
    method: 'POST'
    path: string
    summary: string
    label: string
    body: C
    response: O
    status: 201
    list: false
    emits: readonly EventType[]
  }
  get: {
    method: 'GET'
    path: string
    summary: string
    label: string
    id: z.ZodMiniType<string>
    response: O
    status: 200
    list: false
    emits: readonly []
  }
  update: {
    method: 'PATCH'
    path: string
    summary: string
    label: string
    id: z.ZodMiniType<string>
    body: U
    response: O
    status: 200
    list: false
    emits: readonly EventType[]
  }
  delete: {
    method: 'DELETE'
    path: string
    summary: string
    label: string
    id: z.ZodMiniType<string>
    response: typeof DeletedObject
    status: 200
    list: false
    emits: readonly EventType[]
  }
}

/** The five standard routes of a resource: list, create, get, update, delete. */
function crud<O extends z.ZodMiniType, C extends z.ZodMiniType, U extends z.ZodMiniType, Q extends z.ZodMiniType>(
  path: string,
  kind: IdKind,
  label: string,
  schemas: { object: O; create: C; update: U; query: Q },
  events: { created?: EventType; updated?: EventType; deleted?: EventType } = {},
): Crud<O, C, U, Q> {
  const id = Id(kind)
  const one = (event?: EventType) => (event ? [event] : []) as readonly EventType[]
  return {
    list: {
      method: 'GET',
      path,
      summary: `List ${label}s`,
      label,
      query: schemas.query,
      response: ListEnvelope(schemas.object),
      item: schemas.object,
      status: 200,
      list: true,
      emits: [],
    },
    create: {
      method: 'POST',
      path,
      summary: `Create a ${label}`,
      label,
      body: schemas.create,
      response: schemas.object,
      status: 201,
      list: false,
      emits: one(events.created),
    },
    get: {
      method: 'GET',
      path: `${path}/{id}`,
      summary: `Get a ${label}`,
      label,
      id,
      response: schemas.object,
      status: 200,
      list: false,
      emits: [],
    },
    update: {
      method: 'PATCH',
      path: `${path}/{id}`,
      summary: `Update a ${label}`,
      label,
      id,
      body: schemas.update,
      response: schemas.object,
      status: 200,
      list: false,
      emits: one(events.updated),
    },
    delete: {
      method: 'DELETE',
      path: `${path}/{id}`,
      summary: `Delete a ${label}`,
      label,
      id,
      response: DeletedObject,
      status: 200,
      list: false,
      emits: one(events.deleted),
    },
  }
}

type LifecycleType = 'customer' | 'user' | 'inquiry' | 'quote' | 'booking' | 'invoice' | 'complaint'

function lifecycle(type: LifecycleType) {
  return { created: `${type}.created`, updated: `${type}.updated`, deleted: `${type}.deleted` } satisfies Record<
    string,
    EventType
  > as {
    created: EventType
    updated: EventType
    deleted: EventType
  }
}

const appointmentRoutes = crud('/appointments', 'appointment', 'appointment', {
  object: Appointment,
  create: AppointmentCreate,
  update: AppointmentUpdate,
  query: AppointmentListQuery,
})
const paymentRoutes = crud(
  '/payments',
  'payment',
  'payment',
  {
    object: Payment,
    create: PaymentCreate,
    update: EmptyBody,
    query: PaymentListQuery,
  },
  { created: 'payment.created' },
)
const communicationRoutes = crud(
  '/communications',
  'communication',
  'communication',
  {
    object: Communication,
    create: CommunicationCreate,
    update: EmptyBody,
    query: CommunicationListQuery,
  },
  {},
)
const apiKeyRoutes = crud('/api-keys', 'api_key', 'API key', {
  object: ApiKey,
  create: ApiKeyCreate,
  update: ApiKeyUpdate,
  query: ListQuery,
})
const webhookRoutes = crud('/webhooks', 'webhook_endpoint', 'webhook endpoint', {
  object: WebhookEndpoint,
  create: WebhookEndpointCreate,
  update: WebhookEndpointUpdate,
  query: ListQuery,
})

const appointmentId = Id('appointment')
const paymentId = Id('payment')
const apiKeyId = Id('api_key')
const webhookId = Id('webhook_endpoint')
const deliveryId = Id('webhook_delivery')

/**
 * The route table: every endpoint of the API, grouped by resource as the client names them
 * (`routes.customers.create` ↔ `op.customers.create`). The reference server is driven by it, the client is
 * checked against it, and the OpenAPI document is generated from it.
 *
 * @example
 * ```ts
 * routes.payments.approve.path // '/payments/{id}/approve'
 * ```
 */
export const routes = {
  customers: crud(
    '/customers',
    'customer',
    'customer',
    { object: Customer, create: CustomerCreate, update: CustomerUpdate, query: CustomerListQuery },
    lifecycle('customer'),
  ),
  users: crud(
    '/users',
    'user',
    'user',
    { object: User, create: UserCreate, update: UserUpdate, query: UserListQuery },
    lifecycle('user'),
  ),
  inquiries: crud(
    '/inquiries',
    'inquiry',
    'inquiry',
    { object: Inquiry, create: InquiryCreate, update: InquiryUpdate, query: InquiryListQuery },
    lifecycle('inquiry'),
  ),
  quotes: crud(
    '/quotes',
    'quote',
    'quote',
    { object: Quote, create: QuoteCreate, update: QuoteUpdate, query: QuoteListQuery },
    lifecycle('quote'),
  ),
  bookings: crud(
    '/bookings',
    'booking',
    'booking',
    { object: Booking, create: BookingCreate, update: BookingUpdate, query: BookingListQuery },
    lifecycle('booking'),
  ),
  appointments: {
    list: appointmentRoutes.list,
    create: appointmentRoutes.create,
    get: appointmentRoutes.get,
    update: appointmentRoutes.update,
    setStatus: route({
      method: 'POST',
      path: '/appointments/{id}/status',
      summary: 'Change the status of an appointment',
      label: 'appointment',
      id: appointmentId,
      body: AppointmentStatusChange,
      response: Appointment,
      status: 200,
      list: false,
      emits: ['appointment.status_changed', 'appointment.fieldworker_arrived'],
    }),
    arrive: route({
      method: 'POST',
      path: '/appointments/{id}/arrive',
      summary: 'Mark the fieldworker arrived',
      label: 'appointment',
      id: appointmentId,
      body: EmptyBody,
      response: Appointment,
      status: 200,
      list: false,
      emits: ['appointment.status_changed', 'appointment.fieldworker_arrived'],
    }),
  },
  invoices: crud(
    '/invoices',
    'invoice',
    'invoice',
    { object: Invoice, create: InvoiceCreate, update: InvoiceUpdate, query: InvoiceListQuery },
    lifecycle('invoice'),
  ),
  payments: {
    list: paymentRoutes.list,
    create: paymentRoutes.create,
    get: paymentRoutes.get,
    approve: route({
      method: 'POST',
      path: '/payments/{id}/approve',
      summary: 'Approve a pending payment',
      label: 'payment',
      id: paymentId,
      body: EmptyBody,
      response: Payment,
      status: 200,
      list: false,
      emits: ['payment.approved', 'invoice.updated'],
    }),
    reject: route({
      method: 'POST',
      path: '/payments/{id}/reject',
      summary: 'Reject a pending payment',
      label: 'payment',
      id: paymentId,
      body: PaymentReject,
      response: Payment,
      status: 200,
      list: false,
      emits: ['payment.rejected'],
    }),
    refund: route({
      method: 'POST',
      path: '/payments/{id}/refund',
      summary: 'Refund an approved payment, in full or in part',
      label: 'payment',
      id: paymentId,
      body: PaymentRefund,
      response: Payment,
      status: 200,
      list: false,
      emits: ['payment.refunded', 'invoice.updated'],
    }),
  },
  complaints: crud(
    '/complaints',
    'complaint',
    'complaint',
    { object: Complaint, create: ComplaintCreate, update: ComplaintUpdate, query: ComplaintListQuery },
    lifecycle('complaint'),
  ),
  communications: {
    list: communicationRoutes.list,
    create: {
      ...communicationRoutes.create,
      emits: [
        'communication.call_made',
        'communication.call_missed',
        'communication.call_received',
        'communication.sms_received',
        'communication.whatsapp_received',
      ] as readonly EventType[],
    },
    get: communicationRoutes.get,
  },
  account: {
    get: route({
      method: 'GET',
      path: '/account',
      summary: 'Get the account of the API key',
      label: 'account',
      response: Account,
      status: 200,
      list: false,
      emits: [],
    }),
  },
  apiKeys: {
    list: apiKeyRoutes.list,
    create: { ...apiKeyRoutes.create, response: ApiKeyWithSecret },
    get: apiKeyRoutes.get,
    update: apiKeyRoutes.update,
    roll: route({
      method: 'POST',
      path: '/api-keys/{id}/roll',
      summary: 'Roll an API key: a new secret, the old one kept for an optional overlap',
      label: 'API key',
      id: apiKeyId,
      body: ApiKeyRoll,
      response: ApiKeyWithSecret,
      status: 200,
      list: false,
      emits: [],
    }),
    revoke: route({
      method: 'POST',
      path: '/api-keys/{id}/revoke',
      summary: 'Revoke an API key at once',
      label: 'API key',
      id: apiKeyId,
      body: EmptyBody,
      response: ApiKey,
      status: 200,
      list: false,
      emits: [],
    }),
  },
  integrations: {
    list: route({
      method: 'GET',
      path: '/integrations',
      summary: 'List the built-in integrations',
      label: 'integration',
      query: ListQuery,
      response: ListEnvelope(Integration),
      item: Integration,
      status: 200,
      list: true,
      emits: [],
    }),
    get: route({
      method: 'GET',
      path: '/integrations/{id}',
      summary: 'Get a built-in integration',
      label: 'integration',
      id: IntegrationIdSchema,
      response: Integration,
      status: 200,
      list: false,
      emits: [],
    }),
    connect: route({
      method: 'PUT',
      path: '/integrations/{id}',
      summary: 'Connect an integration with its credentials (write-only)',
      label: 'integration',
      id: IntegrationIdSchema,
      body: IntegrationConnect,
      response: Integration,
      status: 200,
      list: false,
      emits: [],
    }),
    disconnect: route({
      method: 'DELETE',
      path: '/integrations/{id}',
      summary: 'Disconnect an integration and forget its credentials',
      label: 'integration',
      id: IntegrationIdSchema,
      response: Integration,
      status: 200,
      list: false,
      emits: [],
    }),
  },
  webhooks: {
    list: webhookRoutes.list,
    create: { ...webhookRoutes.create, response: WebhookEndpointWithSecret },
    get: webhookRoutes.get,
    update: webhookRoutes.update,
    delete: webhookRoutes.delete,
    getSecret: route({
      method: 'GET',
      path: '/webhooks/{id}/secret',
      summary: 'Get the signing secret of an endpoint',
      label: 'webhook endpoint',
      id: webhookId,
      response: WebhookEndpointSecret,
      status: 200,
      list: false,
      emits: [],
    }),
    rotateSecret: route({
      method: 'POST',
      path: '/webhooks/{id}/rotate-secret',
      summary: 'Rotate the signing secret; both sign during the overlap',
      label: 'webhook endpoint',
      id: webhookId,
      body: WebhookSecretRotate,
      response: WebhookEndpointWithSecret,
      status: 200,
      list: false,
      emits: [],
    }),
    sendTest: route({
      method: 'POST',
      path: '/webhooks/{id}/test',
      summary: 'Send a sample event of a type to this endpoint now',
      label: 'webhook endpoint',
      id: webhookId,
      body: WebhookTestEvent,
      response: WebhookEvent,
      status: 200,
      list: false,
      emits: [],
    }),
    listDeliveries: route({
      method: 'GET',
      path: '/webhooks/{id}/deliveries',
      summary: "List an endpoint's deliveries",
      label: 'webhook endpoint',
      id: webhookId,
      query: listQuery({ status: z.optional(DeliveryStatus) }),
      response: ListEnvelope(WebhookDelivery),
      item: WebhookDelivery,
      status: 200,
      list: true,
      emits: [],
    }),
  },
  webhookDeliveries: {
    get: route({
      method: 'GET',
      path: '/webhook-deliveries/{id}',
      summary: 'Get a delivery with its attempts',
      label: 'webhook delivery',
      id: deliveryId,
      response: WebhookDelivery,
      status: 200,
      list: false,
      emits: [],
    }),
    redeliver: route({
      method: 'POST',
      path: '/webhook-deliveries/{id}/redeliver',
      summary: 'Queue a fresh attempt of a delivery',
      label: 'webhook delivery',
      id: deliveryId,
      body: EmptyBody,
      response: WebhookDelivery,
      status: 200,
      list: false,
      emits: [],
    }),
  },
  webhookEventTypes: {
    list: route({
      method: 'GET',
      path: '/webhook-event-types',
      summary: 'List the event types, filtered by a search over name, category and description',
      label: 'event type',
      query: z.strictObject({
        search: z.optional(z.string().check(z.maxLength(200))),
        category: z.optional(EventCategorySchema),
      }),
      response: ListEnvelope(WebhookEventType),
      item: WebhookEventType,
      status: 200,
      list: true,
      emits: [],
    }),
  },
  events: {
    list: route({
      method: 'GET',
      path: '/events',
      summary: 'List events, newest last',
      label: 'event',
      query: EventListQuery,
      response: ListEnvelope(WebhookEvent),
      item: WebhookEvent,
      status: 200,
      list: true,
      emits: [],
    }),
    get: route({
      method: 'GET',
      path: '/events/{id}',
      summary: 'Get an event',
      label: 'event',
      id: Id('event'),
      response: WebhookEvent,
      status: 200,
      list: false,
      emits: [],
    }),
  },
  requestLogs: {
    list: route({
      method: 'GET',
      path: '/request-logs',
      summary: 'List the most recent API requests (reads of this log excluded), oldest first',
      label: 'request log entry',
      query: ListQuery,
      response: ListEnvelope(RequestLogEntry),
      item: RequestLogEntry,
      status: 200,
      list: true,
      emits: [],
    }),
  },
} as const

/**
 * Any route table: groups of routes by action, like {@link routes} — or `routes` with routes added, which the
 * client (`OctopusPro.withRoutes`) and the reference server (its `routes` option) take.
 *
 * @example
 * ```ts
 * const table = { ...routes, widgets: { get: widgetRoute } } satisfies RouteTable
 * ```
 */
export type RouteTable = Readonly<Record<string, Readonly<Record<string, RouteDefinition>>>>

/** The route table's type. @example `type ApproveRoute = Routes['payments']['approve']` */
export type Routes = typeof routes
/**
 * A resource group of the route table (`'customers'`, `'apiKeys'`, …).
 *
 * @example `const group: RouteGroup = 'apiKeys'`
 */
export type RouteGroup = keyof Routes
/**
 * One route's name as `group.method`, e.g. `'payments.approve'`.
 *
 * @example `const name: RouteName = 'payments.approve'`
 */
export type RouteName = { [G in RouteGroup]: `${G}.${Extract<keyof Routes[G], string>}` }[RouteGroup]

/**
 * One row of {@link listRoutes}.
 *
 * @example `const entry: RouteEntry | undefined = listRoutes().find((r) => r.name === 'payments.approve')`
 */
export interface RouteEntry {
  /** `group.method`, e.g. `payments.approve`. */
  name: RouteName
  group: RouteGroup
  action: string
  definition: RouteDefinition
}

/**
 * Every route of a table (the contract's by default) as a flat list, in table order: what the server mounts and
 * the client is checked against. Of another table, `name` and `group` are that table's (typed as the contract's).
 *
 * @example
 * ```ts
 * listRoutes().map((r) => `${r.definition.method} /v1${r.definition.path}`)
 * ```
 */
export function listRoutes(table: RouteTable = routes): RouteEntry[] {
  return Object.entries(table).flatMap(([group, actions]) =>
    Object.entries(actions).map(([action, definition]) => ({
      name: `${group}.${action}` as RouteName,
      group: group as RouteGroup,
      action,
      definition: definition as RouteDefinition,
    })),
  )
}

/** The input type of a route's body. @example `type Body = RouteBody<Routes['customers']['create']>` */
export type RouteBody<R> = R extends { body: infer B extends z.ZodMiniType } ? z.input<B> : never
/**
 * The type of a route's query (as values, before they are put in the URL).
 *
 * @example `type Q = RouteQuery<Routes['bookings']['list']>`
 */
export type RouteQuery<R> = R extends { query: infer Q extends z.ZodMiniType } ? Partial<z.output<Q>> : never
/** The type of a route's response. @example `type C = RouteResponse<Routes['customers']['get']>` */
export type RouteResponse<R> = R extends { response: infer S extends z.ZodMiniType } ? z.output<S> : never
/** The type of one item of a list route. @example `type C = RouteItem<Routes['customers']['list']>` */
export type RouteItem<R> = R extends { item: infer S extends z.ZodMiniType } ? z.output<S> : never
