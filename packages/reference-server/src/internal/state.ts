import type {
  Account,
  ApiKey,
  Appointment,
  Booking,
  Communication,
  Complaint,
  Customer,
  Inquiry,
  IntegrationId,
  Invoice,
  Payment,
  Quote,
  User,
  WebhookEndpoint,
  WebhookEvent,
} from '@octopuspro/contract'
import { Collection } from './store/collection.js'
import { RequestLog } from './store/request-log.js'

/** The business objects, one collection per route group. */
export interface Resources {
  customers: Collection<Customer>
  users: Collection<User>
  inquiries: Collection<Inquiry>
  quotes: Collection<Quote>
  bookings: Collection<Booking>
  appointments: Collection<Appointment>
  invoices: Collection<Invoice>
  payments: Collection<Payment>
  complaints: Collection<Complaint>
  communications: Collection<Communication>
}

/** The name of a business collection. */
export type ResourceName = keyof Resources

/** One secret of an API key: only its hash is kept. `validUntil` is set on a secret that was rolled out. */
export interface ApiKeySecretRecord {
  hash: Uint8Array
  prefix: string
  validUntil: number | null
}

/** An API key and the hashes of its secrets (the current one last). */
export interface ApiKeyRecord {
  id: string
  key: ApiKey
  secrets: readonly ApiKeySecretRecord[]
}

/** A webhook endpoint with its signing secrets (the previous one only during a rotation overlap). */
export interface EndpointRecord {
  id: string
  endpoint: WebhookEndpoint
  secret: string
  previous: { secret: string; expiresAt: number } | null
}

/** An integration's stored state; `credentials` are write-only. */
export interface IntegrationRecord {
  connectedAt: string | null
  settings: Record<string, unknown>
  credentials: Record<string, unknown> | null
}

/** A stored idempotent response, or a request still running with that key. */
export interface IdempotencyRecord {
  fingerprint: string
  route: string
  expiresAt: number
  /** The response, its body sealed with the Idempotency-Key (it may hold a one-time secret such as a new API key's). */
  response: { status: number; sealedBody: Uint8Array } | null
}

/** A token bucket of one API key. */
export interface RateBucket {
  tokens: number
  updatedAt: number
}

/** Everything the server knows; `reset()` replaces it with a fresh one built from the seed. */
export class State {
  readonly resources: Resources = {
    customers: new Collection(),
    users: new Collection(),
    inquiries: new Collection(),
    quotes: new Collection(),
    bookings: new Collection(),
    appointments: new Collection(),
    invoices: new Collection(),
    payments: new Collection(),
    complaints: new Collection(),
    communications: new Collection(),
  }
  readonly events = new Collection<WebhookEvent>()
  readonly apiKeys = new Collection<ApiKeyRecord>()
  readonly endpoints = new Collection<EndpointRecord>()
  readonly integrations = new Map<IntegrationId, IntegrationRecord>()
  readonly idempotency = new Map<string, IdempotencyRecord>()
  readonly rateBuckets = new Map<string, RateBucket>()
  /** The most recent API requests, for `GET /v1/request-logs`. */
  readonly requestLog = new RequestLog()
  /** The last invoice number handed out (`INV-000001` is 1). */
  invoiceNumber = 0

  constructor(public account: Account) {}
}
