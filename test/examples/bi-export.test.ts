import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InternalServerError, OctopusPro } from '@octopuspro/client'
import {
  createReferenceServer,
  type ManualClock,
  manualClock,
  type ReferenceServer,
  startReferenceServer,
} from '@octopuspro/reference-server'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { exportChanges } from '../../examples/bi-export/src/export.js'
import { type ExportedResource, loadState } from '../../examples/bi-export/src/state.js'
import { runExample } from './helpers/run-example.js'

const resources: ExportedResource[] = ['customers', 'invoices', 'payments']
const directories: string[] = []

async function freshDir() {
  const dir = await mkdtemp(join(tmpdir(), 'bi-export-test-'))
  directories.push(dir)
  return dir
}

async function filesOf(dir: string): Promise<Record<ExportedResource, string>> {
  const texts = await Promise.all(resources.map((r) => readFile(join(dir, `${r}.jsonl`), 'utf8').catch(() => '')))
  return { customers: texts[0]!, invoices: texts[1]!, payments: texts[2]! }
}

/** An in-process demo-seeded server, a client for it, and the files of one complete export to compare with. */
async function demoServerWithFullExport(clock: ManualClock) {
  const server = createReferenceServer({ seed: 'demo', clock })
  const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch, maxRetries: 0 })
  const dir = await freshDir()
  await exportChanges({ op, dir, now: () => clock.now(), settleMs: 0 })
  return { server, op, oneShot: await filesOf(dir) }
}

const idsOf = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { id: string }).id)

afterAll(async () => {
  await Promise.all(directories.map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('examples/bi-export against a demo-seeded reference server', () => {
  const clock = manualClock('2026-11-27T10:00:00.000Z')
  const now = () => clock.now()
  let server: ReferenceServer
  let op: OctopusPro
  /** A complete export done in one go, to compare interrupted ones with. */
  let oneShot: Record<ExportedResource, string>

  beforeAll(async () => {
    ;({ server, op, oneShot } = await demoServerWithFullExport(clock))
  })
  afterAll(() => server.close())
  afterEach(() => server.faults.clear())

  it('exports every customer, invoice and payment first, exactly as the API lists them', async () => {
    for (const resource of resources) {
      const listed = await op[resource].list({ limit: 100 }).toArray({ limit: 10_000 })
      expect(listed.length).toBeGreaterThan(50)
      expect(oneShot[resource]).toBe(listed.map((record) => `${JSON.stringify(record)}\n`).join(''))
    }
  })

  it('then only what changed, once, and nothing when nothing changed', async () => {
    const dir = await freshDir()
    const first = await exportChanges({ op, dir, now, settleMs: 0 })
    expect(first).toEqual({
      complete: true,
      window: { after: null, until: '2026-11-27T10:00:00.000Z' },
      written: {
        customers: idsOf(oneShot.customers).length,
        invoices: idsOf(oneShot.invoices).length,
        payments: idsOf(oneShot.payments).length,
      },
    })
    const before = await filesOf(dir)

    await clock.advance(60_000)
    const [ada, grace] = (await op.customers.list({ limit: 2 })).data
    await op.customers.update(ada!.id, { notes: 'Key account' })
    await op.customers.update(grace!.id, { phone: '+1 555 0100' })
    const invoice = await op.invoices.create({
      customer_id: ada!.id,
      line_items: [{ description: 'Window cleaning', quantity: 1, unit_amount: 12_000 }],
    })
    const payment = await op.payments.create({
      customer_id: ada!.id,
      invoice_id: invoice.id,
      amount: invoice.total,
      method: 'card',
    })
    await op.payments.approve(payment.id)
    await clock.advance(1_000)

    const second = await exportChanges({ op, dir, now, settleMs: 0 })
    expect(second).toEqual({
      complete: true,
      window: { after: '2026-11-27T10:00:00.000Z', until: '2026-11-27T10:01:01.000Z' },
      written: { customers: 2, invoices: 1, payments: 1 },
    })
    const after = await filesOf(dir)
    const appended = (resource: ExportedResource) => after[resource].slice(before[resource].length)
    expect(after.customers.startsWith(before.customers)).toBe(true)
    expect(appended('customers')).toBe(
      `${JSON.stringify(await op.customers.get(ada!.id))}\n${JSON.stringify(await op.customers.get(grace!.id))}\n`,
    )
    // the invoice was created and then paid: its latest version, once
    expect(appended('invoices')).toBe(`${JSON.stringify(await op.invoices.get(invoice.id))}\n`)
    expect(JSON.parse(appended('invoices'))).toMatchObject({ status: 'paid', amount_due: 0 })
    expect(appended('payments')).toBe(`${JSON.stringify(await op.payments.get(payment.id))}\n`)

    await clock.advance(1_000)
    expect((await exportChanges({ op, dir, now, settleMs: 0 })).written).toEqual({
      customers: 0,
      invoices: 0,
      payments: 0,
    })
    expect(await filesOf(dir)).toEqual(after)
    expect(await loadState(dir)).toEqual({ version: 1, exportedUntil: '2026-11-27T10:01:02.000Z', run: null })
  })

  it('leaves records changed after the window for the next run (settleMs)', async () => {
    const dir = await freshDir()
    await exportChanges({ op, dir, now, settleMs: 0 })
    await clock.advance(10_000)
    const [customer] = (await op.customers.list({ limit: 1 })).data
    await op.customers.update(customer!.id, { notes: `Changed at ${new Date(clock.now()).toISOString()}` })

    const settling = await exportChanges({ op, dir, now, settleMs: 5_000 }) // the change is 0 s old: not yet
    expect(settling.written.customers).toBe(0)
    await clock.advance(5_000)
    const next = await exportChanges({ op, dir, now, settleMs: 5_000 })
    expect(next.written.customers).toBe(1)
  })
})

describe('examples/bi-export resumes an interrupted run with no gap and no duplicate', () => {
  const clock = manualClock('2026-11-27T10:00:00.000Z')
  const now = () => clock.now()
  let server: ReferenceServer
  let op: OctopusPro
  let oneShot: Record<ExportedResource, string>

  beforeAll(async () => {
    ;({ server, op, oneShot } = await demoServerWithFullExport(clock))
  })
  afterAll(() => server.close())

  it('stopped at a limit, run after run', async () => {
    const dir = await freshDir()
    const runs = []
    do runs.push(await exportChanges({ op, dir, now, settleMs: 0, maxRecords: 77, checkpointEvery: 30 }))
    while (!runs.at(-1)!.complete)
    expect(runs.length).toBeGreaterThan(4)
    expect(
      runs.slice(0, -1).every((run) => !run.complete && Object.values(run.written).reduce((a, b) => a + b) === 77),
    ).toBe(true)
    expect(await filesOf(dir)).toEqual(oneShot)
  })

  it('killed while writing: the partial line after the last checkpoint is cut', async () => {
    const dir = await freshDir()
    expect((await exportChanges({ op, dir, now, settleMs: 0, maxRecords: 50 })).complete).toBe(false)
    const state = await loadState(dir)
    expect(state.run).toMatchObject({ resource: 'customers', cursor: idsOf(oneShot.customers)[49] })
    await appendFile(join(dir, 'customers.jsonl'), '{"id":"cus_half-written","name":"Gr')

    expect((await exportChanges({ op, dir, now, settleMs: 0 })).complete).toBe(true)
    expect(await filesOf(dir)).toEqual(oneShot)
  })

  it('stopped by an API error: the error is thrown, the next run resumes', async () => {
    const dir = await freshDir()
    server.faults.add({ match: 'GET /v1/invoices', status: 500, times: 1 })
    await expect(exportChanges({ op, dir, now, settleMs: 0 })).rejects.toBeInstanceOf(InternalServerError)
    expect((await loadState(dir)).run).toMatchObject({ resource: 'customers', cursor: idsOf(oneShot.customers).at(-1) })

    expect((await exportChanges({ op, dir, now, settleMs: 0 })).complete).toBe(true)
    expect(await filesOf(dir)).toEqual(oneShot)
    for (const resource of resources)
      expect(new Set(idsOf(oneShot[resource])).size).toBe(idsOf(oneShot[resource]).length)
  })
})

describe('examples/bi-export commands', () => {
  it('pnpm start exports from OCTOPUSPRO_BASE_URL, then only the changes', async () => {
    const server = await startReferenceServer({ seed: 'demo' })
    const dir = await freshDir()
    const env = { OCTOPUSPRO_API_KEY: server.apiKey, OCTOPUSPRO_BASE_URL: server.baseUrl }
    try {
      const first = runExample('bi-export', 'start', env, ['--out', dir, '--settle-ms', '0'])
      expect(await first.exited).toBe(0)
      expect(first.stderr).toBe('')
      const files = await filesOf(dir)
      const counts = resources.map((r) => `${r} +${idsOf(files[r]).length}`).join(', ')
      expect(first.stdout).toMatch(new RegExp(`^${counts.replaceAll('+', '\\+')} \\(everything up to \\S+\\)\\n$`))

      const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl })
      const [customer] = (await op.customers.list({ limit: 1 })).data
      await op.customers.update(customer!.id, { notes: 'Changed between runs' })
      const second = runExample('bi-export', 'start', env, ['--', '--out', dir, '--settle-ms', '0'])
      expect(await second.exited).toBe(0)
      expect(second.stdout).toMatch(/^customers \+1, invoices \+0, payments \+0 \(changes after \S+ up to \S+\)\n$/)
    } finally {
      await server.close()
    }
  })

  it('pnpm start explains a missing API key', async () => {
    const run = runExample(
      'bi-export',
      'start',
      { OCTOPUSPRO_API_KEY: '', OCTOPUSPRO_BASE_URL: 'http://127.0.0.1:1/v1' },
      ['--out', await freshDir()],
    )
    expect(await run.exited).toBe(1)
    expect(run.stderr).toMatch(/^bi-export: No API key: pass new OctopusPro\(\{ apiKey \}\) or set OCTOPUSPRO_API_KEY/)
  })

  it('pnpm demo runs the whole story', async () => {
    const run = runExample('bi-export', 'demo')
    expect(await run.exited).toBe(0)
    expect(run.stderr).toBe('')
    const lines = run.stdout.trim().split('\n')
    expect(lines[1]).toMatch(/^run 1: customers \+200, invoices \+\d+, payments \+\d+ \(everything up to /)
    expect(lines[3]).toMatch(/^run 2: customers \+2, invoices \+1, payments \+1 \(changes after /)
    expect(lines).toContain('resumed export: 200 customers, 200 distinct')
  })
})
