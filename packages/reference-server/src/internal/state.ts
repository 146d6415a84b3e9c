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
import type { GenericObject } from './handlers/generic-routes.js'
import { Collection } from './store/collection.js'
import { ObservedMap } from './store/observed-map.js'
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

/**
 * A webhook endpoint with its signing keys, `whsec_` secrets or `whsk_` ed25519 secret keys (the previous one only
 * during a rotation overlap, and possibly of the other kind).
 */
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

/** What the state keeps beside the business objects, each by id; the data dir stores one row per entry. */
export type StateTable = ResourceName | 'events' | 'apiKeys' | 'endpoints' | 'integrations' | 'idempotency'

/** Told which entry of which table a write touched. */
export type StateChangeListener = (table: StateTable, id: string) => void

/**
 * Everything the server knows; `reset()` replaces it with a fresh one built from the seed. With a listener (the
 * data dir's), every insert, replace and delete is reported.
 */
export class State {
  readonly resources: Resources
  readonly events: Collection<WebhookEvent>
  readonly apiKeys: Collection<ApiKeyRecord>
  readonly endpoints: Collection<EndpointRecord>
  readonly integrations: ObservedMap<IntegrationId, IntegrationRecord>
  readonly idempotency: ObservedMap<string, IdempotencyRecord>
  readonly rateBuckets = new Map<string, RateBucket>()
  /** The most recent API requests, for `GET /v1/request-logs`. */
  readonly requestLog = new RequestLog()
  /** The last invoice number handed out (`INV-000001` is 1). */
  invoiceNumber = 0
  /** The objects of the added routes served without a handler, by group: in memory only (not in snapshots). */
  readonly #generic = new Map<string, Collection<GenericObject>>()

  constructor(
    public account: Account,
    onChange?: StateChangeListener,
  ) {
    const on = (table: StateTable) => onChange && ((id: string) => onChange(table, id))
    this.resources = {
      customers: new Collection(on('customers')),
      users: new Collection(on('users')),
      inquiries: new Collection(on('inquiries')),
      quotes: new Collection(on('quotes')),
      bookings: new Collection(on('bookings')),
      appointments: new Collection(on('appointments')),
      invoices: new Collection(on('invoices')),
      payments: new Collection(on('payments')),
      complaints: new Collection(on('complaints')),
      communications: new Collection(on('communications')),
    }
    this.events = new Collection(on('events'))
    this.apiKeys = new Collection(on('apiKeys'))
    this.endpoints = new Collection(on('endpoints'))
    this.integrations = new ObservedMap(on('integrations'))
    this.idempotency = new ObservedMap(on('idempotency'))
  }

  /** The collection of a group of added routes served generically (created empty on first use). */
  genericCollection(group: string): Collection<GenericObject> {
    let collection = this.#generic.get(group)
    if (!collection) this.#generic.set(group, (collection = new Collection()))
    return collection
  }
}
