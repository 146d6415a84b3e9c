import type { ApiKey, IntegrationId, WebhookDelivery } from '@octopuspro/contract'
import type { DeliveryEngine, SavedDelivery } from '../../delivery/engine.js'
import { ReferenceServerError } from '../../errors.js'
import type { ReferenceServerSnapshot } from '../../snapshot.js'
import type { IdempotencyRecord, IntegrationRecord, ResourceName, State, StateTable } from '../state.js'
import type { Collection, Identified } from '../store/collection.js'

/** The counters of a snapshot. */
export type SnapshotMeta = ReferenceServerSnapshot['meta']

/** What a snapshot is taken from and loaded into. */
export interface SnapshotSource {
  state: State
  engine: DeliveryEngine
}

/** A table of a snapshot: one entry per id, each a plain JSON value. */
export type SnapshotTable = StateTable | 'deliveries'

/** How one table of the state becomes snapshot entries and back. */
interface TableCodec<E extends Identified> {
  /** The entry of `id` as it is now; `undefined` when there is none (deleted, or not worth keeping). */
  entry(source: SnapshotSource, id: string): E | undefined
  /** Every entry, ascending by id. */
  entries(source: SnapshotSource): E[]
  /** Fills a fresh state (and the engine, reset) with the entries. */
  load(source: SnapshotSource, entries: readonly E[], meta: SnapshotMeta): void
}

interface ApiKeyEntry {
  id: string
  key: ApiKey
  secrets: { hash: string; prefix: string; validUntil: number | null }[]
}
type IntegrationEntry = { id: IntegrationId } & IntegrationRecord
interface IdempotencyEntry extends Omit<IdempotencyRecord, 'response'> {
  id: string
  status: number
  sealedBody: string
}
/** A delivery with its body as text (the event's JSON) and its retries left. */
interface DeliveryEntry {
  id: string
  delivery: WebhookDelivery
  body: string
  retriesLeft: number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const byId = (a: Identified, b: Identified) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** A collection's objects are its entries as they are: they are replaced on change, never mutated. */
function collectionCodec<T extends Identified>(pick: (state: State) => Collection<T>): TableCodec<T> {
  return {
    entry: ({ state }, id) => pick(state).get(id),
    entries: ({ state }) => pick(state).values(),
    load: ({ state }, entries) => pick(state).load(entries),
  }
}

function resourceCodec(name: ResourceName): TableCodec<Identified> {
  return collectionCodec((state) => state.resources[name] as Collection<Identified>)
}

const apiKeyCodec: TableCodec<ApiKeyEntry> = {
  entry: ({ state }, id) => {
    const record = state.apiKeys.get(id)
    if (record === undefined) return undefined
    const secrets = record.secrets.map((s) => ({ ...s, hash: Buffer.from(s.hash).toString('hex') }))
    return { id, key: record.key, secrets }
  },
  entries: (source) => source.state.apiKeys.ids().map((id) => apiKeyCodec.entry(source, id) as ApiKeyEntry),
  load: ({ state }, entries) =>
    state.apiKeys.load(
      entries.map(({ id, key, secrets }) => ({
        id,
        key,
        secrets: secrets.map((s) => ({ ...s, hash: new Uint8Array(Buffer.from(s.hash, 'hex')) })),
      })),
    ),
}

const integrationCodec: TableCodec<IntegrationEntry> = {
  entry: ({ state }, id) => {
    const record = state.integrations.get(id as IntegrationId)
    return record && { id: id as IntegrationId, ...record }
  },
  entries: (source) =>
    [...source.state.integrations.keys()].sort().map((id) => integrationCodec.entry(source, id) as IntegrationEntry),
  load: ({ state }, entries) => {
    for (const { id, ...record } of entries) state.integrations.set(id, record)
  },
}

/** Only answered requests are kept: one still running when the snapshot is taken has no response to replay. */
const idempotencyCodec: TableCodec<IdempotencyEntry> = {
  entry: ({ state }, id) => {
    const record = state.idempotency.get(id)
    if (!record?.response) return undefined
    const { response, ...rest } = record
    return { id, ...rest, status: response.status, sealedBody: Buffer.from(response.sealedBody).toString('base64') }
  },
  entries: (source) =>
    [...source.state.idempotency.keys()]
      .sort()
      .map((id) => idempotencyCodec.entry(source, id))
      .filter((entry) => entry !== undefined),
  load: ({ state }, entries) => {
    for (const { id, status, sealedBody, ...rest } of entries) {
      state.idempotency.set(id, {
        ...rest,
        response: { status, sealedBody: new Uint8Array(Buffer.from(sealedBody, 'base64')) },
      })
    }
  },
}

function deliveryEntry({ delivery, body, retriesLeft }: SavedDelivery): DeliveryEntry {
  return { id: delivery.id, delivery, body: decoder.decode(body), retriesLeft }
}

const deliveryCodec: TableCodec<DeliveryEntry> = {
  entry: ({ engine }, id) => {
    const saved = engine.saved(id)
    return saved && deliveryEntry(saved)
  },
  entries: ({ engine }) => engine.save().deliveries.map(deliveryEntry).sort(byId),
  load: ({ engine }, entries, meta) => {
    const deliveries = entries.map(({ delivery, body, retriesLeft }) => ({
      delivery,
      body: encoder.encode(body),
      retriesLeft,
    }))
    engine.restore({ deliveries, failingSince: meta.failingSince.map(([id, since]) => [id, since]) })
  },
}

/** Every table of a snapshot, in the order they are loaded (objects before what refers to them). */
export const tableCodecs: Readonly<Record<SnapshotTable, TableCodec<Identified>>> = {
  customers: resourceCodec('customers'),
  users: resourceCodec('users'),
  inquiries: resourceCodec('inquiries'),
  quotes: resourceCodec('quotes'),
  bookings: resourceCodec('bookings'),
  appointments: resourceCodec('appointments'),
  invoices: resourceCodec('invoices'),
  payments: resourceCodec('payments'),
  complaints: resourceCodec('complaints'),
  communications: resourceCodec('communications'),
  events: collectionCodec((state) => state.events),
  apiKeys: apiKeyCodec as TableCodec<Identified>,
  endpoints: collectionCodec((state) => state.endpoints),
  integrations: integrationCodec as TableCodec<Identified>,
  idempotency: idempotencyCodec as TableCodec<Identified>,
  deliveries: deliveryCodec as TableCodec<Identified>,
}

/** The snapshot tables, by name. */
export const snapshotTables = Object.keys(tableCodecs) as SnapshotTable[]

/**
 * A snapshot of the state and the engine, with the counters the runtime keeps.
 *
 * @example
 * ```ts
 * const snapshot = takeSnapshot({ state, engine }, { invoiceNumber: 0, ids: null, requestIds: null, failingSince: [] })
 * ```
 */
export function takeSnapshot(source: SnapshotSource, meta: SnapshotMeta): ReferenceServerSnapshot {
  const tables: Record<string, readonly Identified[]> = {}
  for (const table of snapshotTables) tables[table] = Object.freeze(tableCodecs[table].entries(source))
  return Object.freeze({ format: 1, tables: Object.freeze(tables), meta: Object.freeze(meta) })
}

/**
 * Loads a snapshot into a fresh state and the engine (its deliveries resume on their schedule); throws a
 * `snapshot_invalid` error for a value that is not a snapshot of this format.
 *
 * @example
 * ```ts
 * loadSnapshot({ state: new State(account), engine }, snapshot)
 * ```
 */
export function loadSnapshot(source: SnapshotSource, snapshot: ReferenceServerSnapshot): void {
  if (snapshot?.format !== 1 || typeof snapshot.tables !== 'object' || typeof snapshot.meta !== 'object') {
    throw new ReferenceServerError(
      'snapshot_invalid',
      'restore() takes what server.snapshot() returned (format 1), unchanged or through JSON.stringify/parse',
    )
  }
  for (const table of snapshotTables) tableCodecs[table].load(source, snapshot.tables[table] ?? [], snapshot.meta)
}
