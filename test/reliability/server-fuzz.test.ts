import {
  ErrorBody,
  type ErrorCode,
  errorCodes,
  listRoutes,
  type RouteEntry,
  routes,
  validate,
} from '@octopuspro/contract'
import { createReferenceServer, type ReferenceServer, startReferenceServer } from '@octopuspro/reference-server'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { type ApiAnswer, call, readAnswer } from './helpers/api.js'
import { ProblemGroups } from './helpers/problem-groups.js'
import { recordFigures } from './helpers/results.js'
import { buildWorld, type World } from './helpers/world.js'
import { buildCase, oversizedRecipe, recipesFor, type ServerCase } from './server-fuzz/requests.js'

const SEED = 8_2026
const RUNS_PER_ROUTE = 100
const PORT_RUNS_PER_ROUTE = 5

/** Deliveries go nowhere: a fuzzed endpoint URL must never make the test talk to the network. */
const deliveredNowhere: typeof fetch = async () => new Response(null, { status: 204 })

function newServerOptions(lines: string[]) {
  return {
    delivery: { fetch: deliveredNowhere, retrySchedule: [], timeoutMs: 1_000 },
    logger: (line: string) => lines.push(line),
  }
}

/** What a rejected write must leave as it was: the route's own list, the event log and the delivery log. */
async function snapshot(server: ReferenceServer, entry: RouteEntry): Promise<string> {
  const list = (routes as Record<string, { list?: { path: string } }>)[entry.group]?.list
  const answer = list && (await call(server, 'GET', `${list.path}?limit=100`))
  if (answer && answer.status !== 200) throw new Error(`snapshot of ${entry.group}: ${answer.status} ${answer.text}`)
  const items = answer?.json as { data: Record<string, unknown>[]; has_more: boolean } | undefined
  if (items?.has_more) throw new Error(`the ${entry.group} list outgrew one page; keep the world small`)
  const events = server.events.list()
  return JSON.stringify({
    // Using a key moves its last_used_at: that is a read, not a change.
    items: items?.data.map(({ last_used_at: _, ...rest }) => rest),
    account: entry.group === 'account' ? (await call(server, 'GET', '/account')).json : undefined,
    events: [events.length, events.at(-1)?.id],
    deliveries: server.deliveries.list().map((d) => [d.id, d.status, d.attempts.length]),
  })
}

/**
 * Whether an answer is what the contract and the wire contract require for this request; a description of the problem
 * if not.
 */
function problemWith(entry: RouteEntry, request: ServerCase, answer: ApiAnswer): string | undefined {
  const { definition } = entry
  if (answer.status >= 500) return `${answer.status} ${answer.text.slice(0, 300)}`
  if (answer.status >= 400) {
    const parsed = ErrorBody.safeParse(answer.json)
    if (!parsed.success) return `${answer.status} not in the wire contract's error shape: ${answer.text.slice(0, 200)}`
    const { error } = parsed.data
    const known = errorCodes[error.code as ErrorCode] as { status: number; type: string } | undefined
    if (!known) return `unknown error code ${error.code}`
    if (known.status !== answer.status || known.type !== error.type)
      return (
        `${error.code} answered ${answer.status} ${error.type}, the wire contract says ${known.status} ` +
        `${known.type}`
      )
    // A replay is the stored response byte for byte, so it names the request that produced it.
    const replayed = answer.headers.get('idempotent-replayed') === 'true'
    if (!replayed && error.request_id !== answer.headers.get('x-request-id'))
      return `request_id ${error.request_id} is not the x-request-id ${answer.headers.get('x-request-id')}`
    if (/\n\s+at /.test(answer.text)) return 'a stack trace in the error body'
  } else {
    if (request.expect.kind === 'error')
      return `${answer.status}, expected ${request.expect.status} ${request.expect.codes.join('|')}`
    if (answer.status !== definition.status) return `${answer.status}, the route answers ${definition.status}`
    const valid = validate(definition.response, answer.json)
    if (!valid.success)
      return `the ${answer.status} body does not match the contract: ${JSON.stringify(valid.details.slice(0, 3))}`
    return undefined
  }
  if (request.expect.kind === 'error') {
    const { error } = ErrorBody.parse(answer.json)
    if (answer.status !== request.expect.status || !request.expect.codes.includes(error.code)) {
      return (
        `${answer.status} ${error.code} (${error.message.slice(0, 120)}), expected ${request.expect.status} ` +
        `${request.expect.codes.join('|')}`
      )
    }
    if (request.expect.param !== undefined && error.param !== request.expect.param)
      return `param ${error.param}, expected ${request.expect.param}`
  }
  return undefined
}

class Tally {
  requests = 0
  /** Requests with a mutated id, query or body. */
  mutated = 0
  rejectedWrites = 0
  storeChecks = 0
  contractValidAnswers = 0
  readonly byStatus = new Map<number, number>()
  readonly problems = new ProblemGroups()

  add(entry: RouteEntry, request: ServerCase, answer: ApiAnswer, problem: string | undefined): void {
    this.requests++
    if (request.mutation !== 'none') this.mutated++
    this.byStatus.set(answer.status, (this.byStatus.get(answer.status) ?? 0) + 1)
    if (answer.status < 300) this.contractValidAnswers++
    if (!problem) return
    this.problems.add(
      `${entry.name} ${request.mutation}: ${problem.slice(0, 160)}`,
      () =>
        `${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers)} ` +
        `${request.body ? Buffer.from(request.body.subarray(0, 300)).toString('utf8') : ''}`,
    )
  }
}

const isWrite = (entry: RouteEntry) => entry.definition.method !== 'GET'

/**
 * Fuzzes one route on a freshly reset server: each request judged, and after every rejected write the store compared.
 */
async function fuzzRoute(
  server: ReferenceServer,
  entry: RouteEntry,
  index: number,
  runs: number,
  send: (server: ReferenceServer, request: ServerCase) => Promise<ApiAnswer>,
  tally: Tally,
): Promise<void> {
  server.reset()
  const world = await buildWorld(server)
  const recipes = fc.sample(recipesFor(entry, world), { seed: SEED + index, numRuns: runs })
  if (entry.definition.body && runs >= RUNS_PER_ROUTE) recipes.push(oversizedRecipe)
  let before = isWrite(entry) ? await snapshot(server, entry) : ''
  for (const recipe of recipes) {
    const request = buildCase(entry, world, recipe)
    const answer = await send(server, request)
    let problem = problemWith(entry, request, answer)
    if (isWrite(entry) && answer.status >= 400) {
      tally.rejectedWrites++
      tally.storeChecks++
      const after = await snapshot(server, entry)
      if (after !== before) problem ??= `a rejected write (${answer.status}) changed the store`
    } else if (isWrite(entry)) {
      await server.deliveries.idle()
      before = await snapshot(server, entry)
    }
    tally.add(entry, request, answer, problem)
  }
}

function inProcess(server: ReferenceServer, request: ServerCase): Promise<ApiAnswer> {
  return call(server, request.method, request.path.slice(3), {
    headers: request.headers,
    ...(request.body && { body: request.body as BodyInit }),
  })
}

async function overPort(server: ReferenceServer, request: ServerCase): Promise<ApiAnswer> {
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers: { authorization: `Bearer ${server.apiKey}`, ...request.headers },
    ...(request.body && { body: request.body as BodyInit }),
  })
  return readAnswer(response)
}

describe('fuzzing the server on every route of the contract', () => {
  const tallies = { inProcess: new Tally(), port: new Tally() }
  const logLines: string[] = []
  afterAll(() => {
    const both = [tallies.inProcess, tallies.port]
    const sum = (pick: (t: Tally) => number) => both.reduce((n, t) => n + pick(t), 0)
    const statuses = new Map<number, number>()
    for (const t of both) for (const [s, n] of t.byStatus) statuses.set(s, (statuses.get(s) ?? 0) + n)
    const wrong = sum((t) => t.problems.count)
    const fiveHundreds = [...statuses].filter(([s]) => s >= 500).reduce((n, [, v]) => n + v, 0)
    recordFigures({
      file: import.meta.url,
      id: '2-server-fuzz',
      title: 'Server fuzz (every route of listRoutes())',
      summary: { tried: sum((t) => t.requests), faults: sum((t) => t.mutated), wrong },
      figures: [
        { label: 'routes fuzzed', value: listRoutes().length },
        { label: 'requests tried', value: sum((t) => t.requests) },
        { label: '… in process (server.fetch)', value: tallies.inProcess.requests },
        { label: '… over a real port', value: tallies.port.requests },
        { label: 'requests with a mutated id, query or body', value: sum((t) => t.mutated) },
        ...[...statuses].sort(([a], [b]) => a - b).map(([status, value]) => ({ label: `answered ${status}`, value })),
        { label: 'answered 5xx', value: fiveHundreds },
        { label: 'rejected writes, store compared before/after', value: sum((t) => t.storeChecks) },
        {
          label: 'answers that differ from the contract / wire contract (5xx, shape, status, store changed)',
          value: wrong,
        },
        {
          label: 'internal errors logged by the server',
          value: logLines.filter((l) => l.startsWith('internal error')).length,
        },
      ],
    })
  })

  it('starts every route from a body the contract accepts', async () => {
    const server = createReferenceServer(newServerOptions([]))
    const world: World = await buildWorld(server)
    const invalid = listRoutes()
      .filter((entry) => entry.definition.body)
      .flatMap((entry) => {
        const result = validate(entry.definition.body!, world.validBodies[entry.name] ?? {})
        return result.success ? [] : [`${entry.name}: ${JSON.stringify(result.details)}`]
      })
    expect(invalid).toEqual([])
    await server.close()
  })

  it(`answers ${RUNS_PER_ROUTE} mutated requests per route in process with a 4xx in the error shape, never a 5xx, ` +
    `and leaves the store unchanged when it refuses a write`, async () => {
    const server = createReferenceServer(newServerOptions(logLines))
    try {
      for (const [index, entry] of listRoutes().entries())
        await fuzzRoute(server, entry, index, RUNS_PER_ROUTE, inProcess, tallies.inProcess)
    } finally {
      await server.close()
    }
    expect(logLines.filter((l) => l.startsWith('internal error'))).toEqual([])
    expect(tallies.inProcess.requests).toBeGreaterThan(listRoutes().length * RUNS_PER_ROUTE)
    expect(tallies.inProcess.rejectedWrites).toBeGreaterThan(2_000)
    // The mutations reach every kind of refusal the wire contract lists for bad input.
    for (const status of [400, 404, 409, 413, 415, 422])
      expect(tallies.inProcess.byStatus.get(status) ?? 0, `answered ${status}`).toBeGreaterThan(10)
    expect(tallies.inProcess.problems.report()).toBe('')
  }, 60_000)

  it.each(['quotes', 'invoices'])(
    'refuses %s whose computed totals exceed the largest amount instead of storing an invalid object',
    async (resource) => {
      const server = createReferenceServer(newServerOptions([]))
      const world = await buildWorld(server)
      // each field valid, the total 2.5e11 is not
      const lineItems = [{ description: 'Everything', quantity: 2.5, unit_amount: 99_999_999_999 }]
      const answer = await call(server, 'POST', `/${resource}`, {
        body: JSON.stringify({ customer_id: world.ids.customer, line_items: lineItems }),
        headers: { 'content-type': 'application/json' },
      })
      const listed = (await call(server, 'GET', `/${resource}?limit=100`)).json as { data: unknown[] }
      await server.close()
      expect({ status: answer.status, shape: ErrorBody.safeParse(answer.json).success }).toEqual({
        status: expect.toSatisfy((s: number) => s === 400 || s === 422),
        shape: true,
      })
      expect(listed.data).toHaveLength(1) // only the world's own
    },
  )

  it('answers a sample of the same requests over a real port the same way', async () => {
    const server = await startReferenceServer(newServerOptions(logLines))
    try {
      for (const [index, entry] of listRoutes().entries())
        await fuzzRoute(server, entry, index, PORT_RUNS_PER_ROUTE, overPort, tallies.port)
    } finally {
      await server.close()
    }
    expect(tallies.port.problems.report()).toBe('')
  }, 30_000)
})
