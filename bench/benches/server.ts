import { alternate, type Bench, size } from '../lib/bench.js'
import { type Child, startChild } from '../lib/child.js'
import { customerCreateBody } from '../lib/customers.js'
import { type LoadRequest, loadTest, loadTestChild } from '../lib/http-load.js'
import { type BenchCase, byName, measurement, median, type Role, ratioGoal } from '../lib/result.js'
import type { ReferenceServerReady } from '../processes/reference-server.js'

interface Contender {
  name: string
  role: Role
  server: Child<unknown>
  /** The request of each case, and a check that the answer is the real thing (not an error at full speed). */
  requests: Record<Operation, LoadRequest>
  check: Record<Operation, (status: number, body: unknown) => boolean>
}

type Operation = 'get' | 'list' | 'create'

const isObjectWithId = (body: unknown) =>
  typeof body === 'object' && body !== null && typeof (body as { id?: unknown }).id === 'string'
const listOf20 = (items: unknown) => Array.isArray(items) && items.length === 20 && items.every(isObjectWithId)

/** The checks of a contender's answers: the same for every server but where its list answer keeps the 20 items. */
const checks = (listItems: (body: unknown) => unknown): Contender['check'] => ({
  get: (status, body) => status === 200 && isObjectWithId(body),
  list: (status, body) => status === 200 && listOf20(listItems(body)),
  create: (status, body) => status === 201 && isObjectWithId(body),
})
/** A list envelope's items (`{ object: 'list', data: […] }`). */
const envelopeData = (body: unknown) => (body as { data?: unknown }).data

const json = { 'content-type': 'application/json' }

async function preflight(contender: Contender, operation: Operation): Promise<void> {
  const { url, method = 'GET', headers, body } = contender.requests[operation]
  const response = await fetch(url, { method, headers, body })
  const answer: unknown = await response.json()
  if (!contender.check[operation](response.status, answer)) {
    throw new Error(
      `${contender.name} ${operation}: unexpected answer ${response.status} ${JSON.stringify(answer).slice(0, 200)}`,
    )
  }
}

/**
 * server-get / server-list / server-create: requests per second over loopback (autocannon, 32 connections), the
 * reference server against json-server 0.17 with the same 1000 customers and a bare node:http floor. Each server
 * is its own process; autocannon runs in this one.
 */
export const serverBench: Bench = {
  name: 'server',
  description:
    'reference server vs json-server 0.17 vs bare node:http: GET one customer, GET a list of 20, POST a customer ' +
    '(autocannon over loopback)',
  async run(settings) {
    const customers = String(size(settings, 1000, 50))
    const children: Child<unknown>[] = []
    try {
      const [reference, jsonServer, floor] = await Promise.all([
        startChild<ReferenceServerReady>(new URL('../processes/reference-server.ts', import.meta.url), {
          args: [customers],
        }),
        startChild<{ url: string }>(new URL('../processes/json-server.ts', import.meta.url), { args: [customers] }),
        startChild<{ url: string; apiKey: string }>(new URL('../processes/node-http-floor.ts', import.meta.url), {
          args: [customers],
        }),
      ])
      children.push(reference, jsonServer, floor)
      const id = reference.ready.customerIds[7]!
      const ours = { authorization: `Bearer ${reference.ready.apiKey}` }
      const floorAuth = { authorization: `Bearer ${floor.ready.apiKey}` }
      const contenders: Contender[] = [
        {
          name: 'reference server',
          role: 'ours',
          server: reference,
          requests: {
            get: { url: `${reference.ready.baseUrl}/customers/${id}`, headers: ours },
            list: { url: `${reference.ready.baseUrl}/customers?limit=20`, headers: ours },
            create: {
              url: `${reference.ready.baseUrl}/customers`,
              method: 'POST',
              headers: { ...ours, ...json },
              body: customerCreateBody,
            },
          },
          check: checks(envelopeData),
        },
        {
          name: 'json-server 0.17',
          role: 'peer',
          server: jsonServer,
          requests: {
            get: { url: `${jsonServer.ready.url}/v1/customers/${id}`, headers: ours },
            list: { url: `${jsonServer.ready.url}/v1/customers?_limit=20`, headers: ours },
            create: {
              url: `${jsonServer.ready.url}/v1/customers`,
              method: 'POST',
              headers: { ...ours, ...json },
              body: customerCreateBody,
            },
          },
          // json-server answers a list with a bare array.
          check: checks((body) => body),
        },
        {
          name: 'node:http floor',
          role: 'floor',
          server: floor,
          requests: {
            get: { url: `${floor.ready.url}/v1/customers/${id}`, headers: floorAuth },
            list: { url: `${floor.ready.url}/v1/customers?limit=20`, headers: floorAuth },
            create: {
              url: `${floor.ready.url}/v1/customers`,
              method: 'POST',
              headers: { ...floorAuth, ...json },
              body: customerCreateBody,
            },
          },
          check: checks(envelopeData),
        },
      ]
      const duration = 5
      const cases: BenchCase[] = []
      for (const operation of ['get', 'list', 'create'] as const) {
        for (const contender of contenders) {
          await preflight(contender, operation)
          if (!settings.smoke) await loadTest(contender.requests[operation], settings, { duration: 2 })
        }
        const cpu = new Map<string, number[]>(contenders.map((c) => [c.name, []]))
        const rounds = await alternate(contenders, settings.rounds, async (contender) => {
          const result = await loadTestChild(contender.server, contender.requests[operation], settings, { duration })
          cpu.get(contender.name)!.push(result.cpuMicrosPerRequest)
          return result.requestsPerSecond
        })
        const measurements = contenders.map((c) => measurement(c.name, c.role, 'req/s', rounds.get(c.name)!))
        const ourMeasurement = byName(measurements, 'reference server')
        cases.push({
          name: `server-${operation}`,
          measurements,
          goals: [
            ratioGoal(ourMeasurement, byName(measurements, 'json-server 0.17'), 10),
            ratioGoal(ourMeasurement, byName(measurements, 'node:http floor'), 0.5),
          ],
          details: Object.fromEntries(
            contenders.map((c) => [`server CPU µs/req, ${c.name}`, median(cpu.get(c.name)!)]),
          ),
        })
      }
      return {
        bench: 'server',
        description: this.description,
        settings: {
          customers: Number(customers),
          connections: settings.smoke ? 2 : 32,
          durationSeconds: duration,
          rounds: settings.rounds,
        },
        cases,
      }
    } finally {
      await Promise.all(children.map((child) => child.close()))
    }
  },
}
