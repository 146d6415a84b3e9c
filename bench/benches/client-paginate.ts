import { type Bench, size } from '../lib/bench.js'
import { startChild } from '../lib/child.js'
import { measurement, valueGoal } from '../lib/result.js'
import type { PaginateReport, PaginateRequest } from '../processes/paginate-client.js'
import type { ReferenceServerReady } from '../processes/reference-server.js'

const MB = 1024 * 1024

/**
 * client-paginate: `for await` over every customer of a reference server seeded with 100 000 of them (pages of
 * 100), each walk in a fresh client process: peak resident memory above the level just before the walk.
 */
export const clientPaginateBench: Bench = {
  name: 'client-paginate',
  description: 'for await over 100k customers (pages of 100) in a fresh process: peak RSS growth',
  async run(settings) {
    const customers = size(settings, 100_000, 250)
    const pageSize = 100
    const server = await startChild<ReferenceServerReady>(
      new URL('../processes/reference-server.ts', import.meta.url),
      { args: [String(customers)] },
    )
    try {
      const reports: PaginateReport[] = []
      for (let round = 0; round < settings.rounds; round++) {
        const client = await startChild<object>(new URL('../processes/paginate-client.ts', import.meta.url), {
          nodeArgs: ['--expose-gc'],
        })
        try {
          const request: PaginateRequest = { baseUrl: server.ready.baseUrl, apiKey: server.ready.apiKey, pageSize }
          const report = await client.request<PaginateReport>(request)
          if (report.items !== customers) throw new Error(`walked ${report.items} customers of ${customers}`)
          reports.push(report)
        } finally {
          await client.close()
        }
      }
      const growth = measurement(
        '@octopuspro/client',
        'ours',
        'MB peak RSS growth',
        reports.map((r) => (r.peakRssBytes - r.baselineRssBytes) / MB),
      )
      const rate = measurement(
        '@octopuspro/client',
        'ours',
        'customers/s',
        reports.map((r) => (r.items * 1000) / r.milliseconds),
      )
      return {
        bench: 'client-paginate',
        description: this.description,
        settings: { customers, pageSize, rounds: settings.rounds },
        cases: [
          {
            name: 'client-paginate',
            measurements: [growth],
            goals: [valueGoal('peak RSS growth', growth.median, '<', 64, 'MB')],
            details: {
              'customers/s': rate.median,
              'baseline RSS MB': reports[0]!.baselineRssBytes / MB,
              'peak heap used MB': Math.max(...reports.map((r) => r.peakHeapUsedBytes)) / MB,
            },
          },
        ],
      }
    } finally {
      await server.close()
    }
  },
}
