import { type Account, API_VERSION, ApiKeySecret, type EventType, Plan, type WebhookEvent } from '@octopuspro/contract'
import { createIdGenerator, type IdGenerator, sequentialIds } from '@octopuspro/contract/ids'
import packageJson from '../../package.json' with { type: 'json' }
import { type Clock, systemClock } from '../clock.js'
import { DeliveryEngine } from '../delivery/engine.js'
import { ReferenceServerError } from '../errors.js'
import type { MountedHandler, ReferenceServerOptions } from '../options.js'
import type { ReferenceServerSnapshot } from '../snapshot.js'
import type { Call } from './call.js'
import { eventWaits } from './events/event-filter.js'
import { createApiKey, newApiKeySecret } from './handlers/api-keys.js'
import { validSecrets } from './handlers/webhooks.js'
import { Faults } from './http/faults.js'
import { checkMounts } from './http/mounts.js'
import type { RateLimit } from './http/rate-limit.js'
import { isoTime } from './iso-time.js'
import { DataDir } from './persistence/data-dir.js'
import { Journal } from './persistence/journal.js'
import { seedDemo } from './seed/demo.js'
import { loadFixtures } from './seed/load-fixtures.js'
import {
  loadSnapshot,
  type SnapshotMeta,
  type SnapshotSource,
  type SnapshotTable,
  tableCodecs,
  takeSnapshot,
} from './snapshot/tables.js'
import { State } from './state.js'
import { Waiters } from './waiters.js'

/** The account id is fixed: there is one account per server. */
const ACCOUNT_ID = 'acct_reference'
const DEFAULT_RATE_WINDOW_MS = 1000

function invalid(message: string): never {
  throw new ReferenceServerError('invalid_option', message)
}

function resolveAccount(options: ReferenceServerOptions['account'] = {}): Account {
  const account = {
    id: ACCOUNT_ID,
    object: 'account' as const,
    name: 'OctopusPro Reference',
    plan: 'growth' as const,
    timezone: 'UTC',
    currency: 'usd',
    ...options,
  }
  if (!Plan.safeParse(account.plan).success)
    invalid(`account.plan is '${account.plan}'; use starter, growth or unlimited`)
  if (!/^[a-z]{3}$/.test(account.currency))
    invalid(`account.currency is '${account.currency}'; use a lower-case ISO 4217 code such as 'usd'`)
  return account
}

/** Sequential ids that say which number comes next, so a snapshot carries on from there. */
function countedSequentialIds(start: number): { ids: IdGenerator; next: () => number } {
  const generate = sequentialIds(start)
  let next = start
  return {
    ids: (kind) => {
      next++
      return generate(kind)
    },
    next: () => next,
  }
}

function resolveRateLimit(option: ReferenceServerOptions['rateLimit']): RateLimit | null {
  if (!option) return null
  const windowMs = option.windowMs ?? DEFAULT_RATE_WINDOW_MS
  if (!(Number.isInteger(option.limit) && option.limit >= 1))
    invalid(`rateLimit.limit is ${option.limit}; pass a whole number of requests ≥ 1`)
  if (!(windowMs > 0)) invalid(`rateLimit.windowMs is ${windowMs}; pass a number of ms > 0`)
  return { limit: option.limit, windowMs }
}

/**
 * Everything one server instance holds across requests: the clock, ids, delivery engine, fault rules and the
 * current {@link State} (replaced by `reset()`).
 */
export class Runtime {
  readonly clock: Clock
  readonly engine: DeliveryEngine
  readonly faults: Faults
  readonly events = new Waiters(eventWaits)
  readonly apiKey: string
  readonly rateLimit: RateLimit | null
  readonly logger: ((line: string) => void) | undefined
  /** The web handlers served beside the API. */
  readonly mounts: readonly MountedHandler[]
  /** The route table served instead of the contract's, and the handlers of the routes it adds. */
  readonly routes: ReferenceServerOptions['routes']
  readonly #options: ReferenceServerOptions
  readonly #account: Account
  state!: State
  /** Object ids (and event and delivery ids). */
  #ids!: IdGenerator
  /** Request ids, apart from object ids so that reading does not shift the ids of what is written next. */
  requestIds!: IdGenerator
  /** The next sequential object and request ids, for snapshots (`null` for other ids). */
  #idCounters!: () => Pick<SnapshotMeta, 'ids' | 'requestIds'>
  /** Writes every change to the data dir; absent when the server lives in memory only. */
  readonly #journal: Journal | undefined
  closed = false

  constructor(options: ReferenceServerOptions = {}) {
    this.#options = options
    this.clock = options.clock ?? systemClock
    this.logger = options.logger
    this.routes = options.routes
    if (options.apiKey !== undefined && !ApiKeySecret.safeParse(options.apiKey).success)
      invalid('apiKey must be opk_ followed by 40 letters and digits (or leave it out to get one)')
    this.#account = resolveAccount(options.account)
    this.rateLimit = resolveRateLimit(options.rateLimit)
    this.faults = new Faults(options.faults ?? [], this.clock)
    this.mounts = checkMounts(options.mount)
    if (options.eventRetentionMs !== undefined && !(options.eventRetentionMs > 0))
      invalid(
        `eventRetentionMs is ${options.eventRetentionMs}; pass a number of ms > 0, or leave it out to keep every event`,
      )
    try {
      this.engine = new DeliveryEngine({
        ...options.delivery,
        clock: this.clock,
        ids: (kind) => this.#ids(kind),
        userAgent: `OctopusPro-Webhooks/${packageJson.version}`,
        getEndpoint: (id) => {
          const record = this.state.endpoints.get(id)
          return (
            record && {
              id,
              url: record.endpoint.url,
              active: record.endpoint.active,
              secrets: () => validSecrets(record, this.clock.now()),
            }
          )
        },
        disableEndpoint: (id, reason) => {
          const record = this.state.endpoints.get(id)
          if (!record) return
          const endpoint = {
            ...record.endpoint,
            active: false,
            disabled_reason: reason,
            updated_at: new Date(this.clock.now()).toISOString(),
          }
          this.state.endpoints.replace({ ...record, endpoint })
        },
        ...(options.logger && { logger: options.logger }),
        onChange: (id) => this.#journal?.mark('deliveries', id),
      })
    } catch (error) {
      if (error instanceof RangeError) invalid(`delivery: ${error.message}`)
      throw error
    }
    const dataDir = options.dataDir === undefined ? undefined : DataDir.open(options.dataDir)
    try {
      const stored = dataDir?.read()
      if (stored && options.apiKey !== undefined && options.apiKey !== stored.apiKey) {
        throw new ReferenceServerError(
          'data_dir_invalid',
          `dataDir ${options.dataDir} belongs to a server with another apiKey; ` +
            'pass that one, or leave apiKey out to use it',
        )
      }
      this.apiKey = stored?.apiKey ?? options.apiKey ?? newApiKeySecret()
      this.#journal = dataDir && new Journal(dataDir, this.#journalSource())
      if (stored) this.#load(stored.snapshot)
      else this.reset()
    } catch (error) {
      dataDir?.close()
      throw error
    }
  }

  /** Back to the seed, with fresh ids when they are sequential, so a reset server answers like a new one. */
  reset(): void {
    this.engine.reset()
    this.#useIds(null)
    this.state = this.#newState()
    const now = this.clock.now()
    createApiKey(this.call(now, false), { name: 'Ready key', mode: 'read_write' }, this.apiKey)
    const seed = this.#options.seed ?? 'empty'
    if (seed === 'demo') seedDemo((at) => this.call(at, false), now)
    else if (seed !== 'empty') loadFixtures(this.state, seed)
    this.#journal?.replaceAll(this.snapshot(), this.apiKey)
  }

  /** The whole state as a plain value (see {@link ReferenceServerSnapshot}). */
  snapshot(): ReferenceServerSnapshot {
    return takeSnapshot(this.#source(), this.#meta())
  }

  /** The state of a snapshot; deliveries pending in it resume on their schedule. The data dir gets it too. */
  restore(snapshot: ReferenceServerSnapshot): void {
    this.#load(snapshot)
    this.#journal?.replaceAll(snapshot, this.apiKey)
  }

  /** Writes what changed to the data dir, if any: called before a response goes out. */
  persist(): void {
    this.#journal?.flush()
  }

  #load(snapshot: ReferenceServerSnapshot): void {
    const state = this.#newState()
    loadSnapshot({ state, engine: this.engine }, snapshot)
    state.invoiceNumber = snapshot.meta.invoiceNumber
    this.state = state
    this.#useIds(snapshot.meta)
  }

  #newState(): State {
    return new State(this.#account, this.#journal && ((table, id) => this.#journal?.mark(table, id)))
  }

  /** Fresh ids, or sequential ones carrying on from a snapshot's counters. */
  #useIds(from: Pick<SnapshotMeta, 'ids' | 'requestIds'> | null): void {
    const ids = this.#options.ids
    if (ids === 'sequential') {
      const objects = countedSequentialIds(from?.ids ?? 1)
      const requests = countedSequentialIds(from?.requestIds ?? 1)
      this.#ids = objects.ids
      this.requestIds = requests.ids
      this.#idCounters = () => ({ ids: objects.next(), requestIds: requests.next() })
    } else {
      this.#ids = ids ?? createIdGenerator({ now: () => this.clock.now() })
      this.requestIds = this.#ids
      this.#idCounters = () => ({ ids: null, requestIds: null })
    }
  }

  #source(): SnapshotSource {
    return { state: this.state, engine: this.engine }
  }

  #meta(): SnapshotMeta {
    return { invoiceNumber: this.state.invoiceNumber, ...this.#idCounters(), failingSince: this.engine.failingSince() }
  }

  #journalSource() {
    return {
      entry: (table: string, id: string) => tableCodecs[table as SnapshotTable].entry(this.#source(), id),
      meta: () => this.#meta(),
      writeFailed: (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error)
        const message = `writing to dataDir ${this.#options.dataDir} failed (retried with the next change): ${reason}`
        if (this.logger) this.logger(message)
        else process.emitWarning(message)
      },
    }
  }

  /** The context of one request (or, with `record` false, of seeding: nothing is recorded as an event). */
  call(nowMs: number, record = true): Call {
    const now = isoTime(nowMs)
    return {
      state: this.state,
      now,
      nowMs,
      id: (kind) => this.#ids(kind),
      emit: record ? (type, data, previous) => this.#emit(now, type, data, previous) : () => {},
      deliveries: this.engine,
      requireHttps: this.#options.requireHttps ?? false,
    }
  }

  #emit(timestamp: string, type: EventType, data: object, previous?: Record<string, unknown>): void {
    const event = {
      id: this.#ids('event'),
      object: 'event',
      type,
      timestamp,
      api_version: API_VERSION,
      data,
      ...(previous && { previous_attributes: previous }),
    } as WebhookEvent
    this.state.events.insert(event)
    this.#forgetOldEvents(Date.parse(timestamp))
    const subscribed = this.state.endpoints
      .values()
      .filter(
        ({ endpoint }) =>
          endpoint.active && (endpoint.event_types.includes(type) || endpoint.event_types.includes('*')),
      )
      .map(({ id }) => id)
    if (subscribed.length > 0 && !this.closed) this.engine.dispatch(event, subscribed)
    this.events.notify(event)
  }

  /** Drops the events older than the retention; the log is in time order, so they are at its start. */
  #forgetOldEvents(nowMs: number): void {
    const retention = this.#options.eventRetentionMs
    if (retention === undefined) return
    const { events } = this.state
    for (
      let oldest = events.first();
      oldest && Date.parse(oldest.timestamp) < nowMs - retention;
      oldest = events.first()
    ) {
      events.delete(oldest.id)
    }
  }

  async close(): Promise<void> {
    this.closed = true
    this.events.close(new ReferenceServerError('server_closed', 'the server was closed while waiting for an event'))
    await this.engine.close()
    this.#journal?.close()
  }
}
