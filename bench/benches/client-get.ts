import { OctopusPro } from '@octopuspro/client'
import createClient from 'openapi-fetch'
import type { paths } from '../generated/openapi.js'
import { alternate, type Bench, size } from '../lib/bench.js'
import { startChild } from '../lib/child.js'
import { opsPerSecond } from '../lib/rate.js'
import { type BenchCase, byName, measurement, type Role, ratioGoal } from '../lib/result.js'
import type { ReferenceServerReady } from '../processes/reference-server.js'

interface Contender {
  name: string
  role: Role
  get: (id: string) => Promise<{ id: string }>
}

/**
 * client-get: customers fetched per second from the reference server (its own process) over loopback, one at a
 * time and 16 at once: `op.customers.get` (validated against the contract, the default) against raw
 * `fetch` + `JSON.parse` and openapi-fetch with types generated from our OpenAPI document. All three use the
 * global fetch.
 */
export const clientGetBench: Bench = {
  name: 'client-get',
  description: 'op.customers.get vs raw fetch + JSON.parse vs openapi-fetch, sequential and 16 concurrent',
  async run(settings) {
    const server = await startChild<ReferenceServerReady>(
      new URL('../processes/reference-server.ts', import.meta.url),
      { args: ['200'] },
    )
    try {
      const { baseUrl, apiKey, customerIds } = server.ready
      const op = new OctopusPro({ apiKey, baseUrl })
      const typed = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } })
      const contenders: Contender[] = [
        { name: '@octopuspro/client', role: 'ours', get: (id) => op.customers.get(id) },
        {
          name: 'raw fetch + JSON.parse',
          role: 'floor',
          get: async (id) => {
            const response = await fetch(`${baseUrl}/customers/${encodeURIComponent(id)}`, {
              headers: { authorization: `Bearer ${apiKey}` },
            })
            if (!response.ok) throw new Error(`status ${response.status}`)
            return JSON.parse(await response.text()) as { id: string }
          },
        },
        {
          name: 'openapi-fetch',
          role: 'peer',
          get: async (id) => {
            const { data, error } = await typed.GET('/customers/{id}', { params: { path: { id } } })
            if (error !== undefined || data === undefined) throw new Error(`openapi-fetch: ${JSON.stringify(error)}`)
            return data
          },
        },
      ]
      for (const contender of contenders) {
        const customer = await contender.get(customerIds[0]!)
        if (customer.id !== customerIds[0])
          throw new Error(`${contender.name} got ${JSON.stringify(customer).slice(0, 100)}`)
      }
      const cases: BenchCase[] = []
      for (const concurrency of [1, 16]) {
        let next = 0
        const nextId = () => customerIds[next++ % customerIds.length]!
        const rounds = await alternate(contenders, settings.rounds, (contender) =>
          opsPerSecond(
            concurrency === 1
              ? () => contender.get(nextId())
              : () => Promise.all(Array.from({ length: concurrency }, () => contender.get(nextId()))),
            settings,
            { batch: concurrency, time: 2000 },
          ),
        )
        const measurements = contenders.map((c) => measurement(c.name, c.role, 'gets/s', rounds.get(c.name)!))
        const ours = byName(measurements, '@octopuspro/client')
        cases.push({
          name: concurrency === 1 ? 'client-get sequential' : `client-get ${concurrency} concurrent`,
          measurements,
          goals: [
            ratioGoal(ours, byName(measurements, 'raw fetch + JSON.parse'), 0.8),
            ratioGoal(ours, byName(measurements, 'openapi-fetch'), 0.9),
          ],
        })
      }
      return {
        bench: 'client-get',
        description: this.description,
        settings: { rounds: settings.rounds, timeMs: size(settings, 2000, 0) },
        cases,
      }
    } finally {
      await server.close()
    }
  },
}
