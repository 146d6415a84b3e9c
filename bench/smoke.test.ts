import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { benches } from './benches/index.js'
import { openapiTypes, openapiTypesFile } from './generate-openapi-types.js'
import type { BenchResult, Goal, Measurement } from './lib/result.js'

/**
 * Every bench run with tiny sizes, so none of them rots: each must finish and report a well-formed result. Times
 * and ratios are never asserted here; `pnpm bench` measures them.
 */
const REDIS_URL = process.env.REDIS_URL
if (!REDIS_URL && process.env.CI) throw new Error('REDIS_URL must be set in CI: the dedupe bench has a Redis case')

const expectedCases: Record<string, string[]> = {
  'receiver-verify': ['receiver-verify 1 KB', 'receiver-verify 20 KB'],
  'receiver-http': ['receiver-http 1 KB'],
  server: ['server-get', 'server-list', 'server-create'],
  'client-get': ['client-get sequential', 'client-get 16 concurrent'],
  'client-paginate': ['client-paginate'],
  'delivery-fanout': ['delivery-fanout throughput', 'delivery-fanout latency'],
  dedupe: ['dedupe memory', ...(REDIS_URL ? ['dedupe redis claim', 'dedupe redis claim+complete'] : [])],
  queue: [
    'queue ack latency',
    ...(REDIS_URL ? ['queue worker throughput, 2 ms handler', 'queue worker throughput, 20 ms handler'] : []),
  ],
  bundle: ['bundle: everything exported', 'bundle: construct the client only'],
  'snapshot-restore': ['snapshot-restore demo seed'],
}

function expectMeasurement(m: Measurement): void {
  expect(['ours', 'peer', 'floor']).toContain(m.role)
  expect(m.rounds).toHaveLength(1)
  expect(m.median).toBe(m.rounds[0])
  expect(Number.isFinite(m.median)).toBe(true)
  expect(m.unit).not.toBe('')
}

function expectGoal(goal: Goal): void {
  expect(Number.isFinite(goal.measured)).toBe(true)
  expect(goal.met).toBe(goal.op === '>=' ? goal.measured >= goal.target : goal.measured < goal.target)
}

function expectWellFormed(result: BenchResult, name: string): void {
  expect(result.bench).toBe(name)
  expect(result.cases.map((c) => c.name)).toEqual(expectedCases[name])
  for (const c of result.cases) {
    expect(c.measurements.filter((m) => m.role === 'ours')).not.toHaveLength(0)
    c.measurements.forEach(expectMeasurement)
    c.goals.forEach(expectGoal)
  }
}

describe('bench smoke run', () => {
  it('has a smoke check for every bench', () => {
    expect(benches.map((b) => b.name).sort()).toEqual(Object.keys(expectedCases).sort())
  })

  for (const bench of benches) {
    it(`${bench.name} runs and reports every case`, async () => {
      expectWellFormed(await bench.run({ smoke: true, rounds: 1 }), bench.name)
    })
  }

  it('has openapi-fetch types generated from the current openapi() (else run pnpm bench:types)', async () => {
    expect(await openapiTypes()).toBe(await readFile(openapiTypesFile, 'utf8'))
  })
})
