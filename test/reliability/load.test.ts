import { randomBytes } from 'node:crypto'
import { type Logger, OctopusPro } from '@octopuspro/client'
import type { Customer } from '@octopuspro/contract'
import { type ReferenceServer, startReferenceServer } from '@octopuspro/reference-server'
import { afterAll, describe, expect, it } from 'vitest'
import { recordFigures } from './helpers/results.js'

const WORKERS = 50
/** Of them, these walk the whole list over and over while the others write. */
const WALKERS = 5
const RUN_MS = 3_000
/** The share of customer creates whose response is lost after the write (the client retries with the same key). */
const LOST_RESPONSE_RATE = 0.1
const SAME_KEY_CALLS = 5

/** A small seeded generator, so each worker's mix of operations is the same every run. */
function mulberry32(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Everything the workers did, checked at the end. */
class Ledger {
  readonly created = new Map<string, Customer>()
  readonly sameKeyGroups = new Map<string, string[]>()
  readonly operations = new Map<string, number>()
  readonly errors: string[] = []
  readonly walkProblems: string[] = []
  requests = 0
  retries = 0
  lostResponses = 0
  walks = 0
  pagesWalked = 0

  count(operation: string): void {
    this.operations.set(operation, (this.operations.get(operation) ?? 0) + 1)
  }

  record(customer: Customer): void {
    this.created.set(customer.id, customer)
  }
}

function clientFor(server: ReferenceServer, ledger: Ledger, logLines: string[]): OctopusPro {
  const logger: Logger = {
    warn: (message) => logLines.push(`warn ${message}`),
    error: (message) => logLines.push(`error ${message}`),
  }
  return new OctopusPro({
    apiKey: server.apiKey,
    baseUrl: server.baseUrl,
    maxRetries: 6,
    timeout: 15_000,
    logger,
    hooks: {
      afterResponse: [
        ({ response }) => {
          ledger.requests++
          if (response.status === 503) ledger.lostResponses++
        },
      ],
      onRetry: [() => void ledger.retries++],
    },
  })
}

/**
 * One writing worker: creates, reads, updates and lists its own customers, and now and then creates with one key from
 * several calls at once.
 */
async function writer(op: OctopusPro, worker: number, tag: string, deadline: number, ledger: Ledger): Promise<void> {
  const random = mulberry32(worker + 1)
  const own: string[] = []
  for (let n = 0; Date.now() < deadline; n++) {
    const dice = random()
    try {
      if (dice < 0.35 || own.length === 0) {
        ledger.count('create')
        const customer = await op.customers.create({
          name: `Worker ${worker} #${n}`,
          tags: [tag],
          metadata: { worker: String(worker), n: String(n) },
        })
        if (ledger.created.has(customer.id)) ledger.errors.push(`id ${customer.id} handed out twice`)
        ledger.record(customer)
        own.push(customer.id)
      } else if (dice < 0.55) {
        ledger.count('get')
        const id = own[Math.floor(random() * own.length)]!
        const customer = await op.customers.get(id)
        if (customer.id !== id || !customer.tags.includes(tag)) ledger.errors.push(`get ${id} returned ${customer.id}`)
      } else if (dice < 0.7) {
        ledger.count('update')
        const id = own[Math.floor(random() * own.length)]!
        const customer = await op.customers.update(id, { metadata: { worker: String(worker), touched: String(n) } })
        if (customer.metadata.touched !== String(n)) ledger.errors.push(`update ${id} did not stick`)
        ledger.record(customer)
      } else if (dice < 0.9) {
        ledger.count('list page')
        const page = await op.customers.list({
          tag,
          limit: 10,
          starting_after: own[Math.floor(random() * own.length)]!,
        })
        const ids = page.data.map((c) => c.id)
        if (ids.some((id, i) => i > 0 && id <= ids[i - 1]!)) ledger.errors.push(`a page out of order: ${ids.join(' ')}`)
      } else {
        ledger.count(`create ×${SAME_KEY_CALLS} with one Idempotency-Key`)
        const key = `load-${tag}-${worker}-${n}`
        const body = { name: `Once ${worker} #${n}`, tags: [tag], metadata: { idempotency_key: key } }
        const results = await Promise.all(
          Array.from({ length: SAME_KEY_CALLS }, () => op.customers.create(body, { idempotencyKey: key })),
        )
        ledger.sameKeyGroups.set(
          key,
          results.map((c) => c.id),
        )
        ledger.record(results[0]!)
        own.push(results[0]!.id)
      }
    } catch (error) {
      ledger.errors.push(`worker ${worker}: ${(error as Error).message}`)
    }
  }
}

/**
 * One walking worker: walks every customer of the run page by page while the writers insert. Ids must rise strictly
 * (no duplicate, no reordering) and every customer that existed when the walk began must be on it (no gap).
 */
async function walker(op: OctopusPro, worker: number, tag: string, deadline: number, ledger: Ledger): Promise<void> {
  const limit = 3 + (worker % 7) * 4
  while (Date.now() < deadline) {
    const existing = [...ledger.created.keys()]
    const seen: string[] = []
    try {
      let page = await op.customers.list({ tag, limit })
      for (;;) {
        ledger.pagesWalked++
        seen.push(...page.data.map((c) => c.id))
        if (!page.hasMore) break
        page = await page.nextPage()
      }
    } catch (error) {
      ledger.errors.push(`walker ${worker}: ${(error as Error).message}`)
      continue
    }
    ledger.walks++
    if (seen.some((id, i) => i > 0 && id <= seen[i - 1]!))
      ledger.walkProblems.push(`walk of ${seen.length} with limit ${limit} is not strictly ascending`)
    const walked = new Set(seen)
    const missing = existing.filter((id) => !walked.has(id))
    if (missing.length > 0)
      ledger.walkProblems.push(
        `walk with limit ${limit} missed ${missing.length} existing customers, e.g. ${missing[0]}`,
      )
  }
}

describe(`load: ${WORKERS} concurrent clients for ${RUN_MS / 1000} s over loopback`, () => {
  let server: ReferenceServer | undefined
  afterAll(() => server?.close())

  it('answers every call, pages consistently, hands out unique ids, never doubles an idempotent create', async () => {
    server = await startReferenceServer({ port: 0 })
    server.faults.add({ match: 'POST /v1/customers', status: 503, rate: LOST_RESPONSE_RATE, after: true })
    const tag = `load-${randomBytes(4).toString('hex')}`
    const ledger = new Ledger()
    const logLines: string[] = []
    const deadline = Date.now() + RUN_MS
    await Promise.all(
      Array.from({ length: WORKERS }, (_, worker) => {
        const op = clientFor(server!, ledger, logLines)
        return worker < WALKERS ? walker(op, worker, tag, deadline, ledger) : writer(op, worker, tag, deadline, ledger)
      }),
    )
    server.faults.clear()

    // After the run: the whole list, page by page and in one go, is exactly what was created.
    const op = clientFor(server, ledger, logLines)
    const walkedSmall: string[] = []
    let page = await op.customers.list({ tag, limit: 7 })
    for (;;) {
      walkedSmall.push(...page.data.map((c) => c.id))
      if (!page.hasMore) break
      page = await page.nextPage()
    }
    const walkedAll: Customer[] = []
    for await (const customer of op.customers.list({ tag, limit: 100 })) walkedAll.push(customer)
    const created = [...ledger.created.keys()].sort()
    const doubled = [...ledger.sameKeyGroups].filter(
      ([key, ids]) =>
        new Set(ids).size !== 1 || walkedAll.filter((c) => c.metadata.idempotency_key === key).length !== 1,
    )
    const names = walkedAll.map((c) => c.name)

    recordFigures({
      file: import.meta.url,
      id: '5-load',
      title: `Load (${WORKERS} concurrent clients, ${RUN_MS / 1000} s)`,
      summary: {
        tried: ledger.requests,
        faults: ledger.lostResponses,
        duplicates: doubled.length + names.length - new Set(names).size,
        wrong: ledger.errors.length + ledger.walkProblems.length,
      },
      figures: [
        { label: 'concurrent client workers (writers + list walkers)', value: `${WORKERS - WALKERS} + ${WALKERS}` },
        { label: 'HTTP requests answered', value: ledger.requests },
        ...[...ledger.operations].map(([label, value]) => ({ label: `… ${label}`, value })),
        {
          label: 'responses lost after the write (injected 503, retried with the same key)',
          value: ledger.lostResponses,
        },
        { label: 'client retries', value: ledger.retries },
        { label: 'full list walks during the writes', value: ledger.walks },
        { label: 'pages walked', value: ledger.pagesWalked },
        { label: 'customers created', value: created.length },
        { label: 'errors', value: ledger.errors.length },
        { label: 'pagination problems (duplicates, order, gaps)', value: ledger.walkProblems.length },
        { label: 'idempotent creates doubled', value: doubled.length },
        { label: 'customers created twice (same name)', value: names.length - new Set(names).size },
      ],
    })

    expect(ledger.errors).toEqual([])
    expect(logLines.filter((line) => line.startsWith('error'))).toEqual([])
    expect(ledger.walkProblems).toEqual([])
    expect(walkedSmall).toEqual(created)
    expect(walkedAll.map((c) => c.id)).toEqual(created)
    expect(new Set(names).size).toBe(names.length) // a lost response retried did not create twice
    expect(doubled).toEqual([])
    // The run really had walks under way, one-key groups and lost responses to check.
    expect(ledger.walks).toBeGreaterThanOrEqual(WALKERS)
    expect(ledger.sameKeyGroups.size).toBeGreaterThan(0)
    expect(ledger.lostResponses).toBeGreaterThan(0)
  }, 30_000)
})
