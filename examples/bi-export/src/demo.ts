/**
 * The export end to end, with no account and no network: a reference server with the demo data in process, a first
 * run that exports everything, a few changes, a second run that exports only them, and an interrupted export that
 * resumes with no gap and no duplicate.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OctopusPro } from '@octopuspro/client'
import { createReferenceServer } from '@octopuspro/reference-server'
import { describeRun } from './describe-run.js'
import { exportChanges } from './export.js'

const server = createReferenceServer({ seed: 'demo' })
const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
// Nothing else writes to this in-process server, so there is no write in flight to wait for.
const settleMs = 0
const dir = await mkdtemp(join(tmpdir(), 'octopuspro-export-'))
console.log(`exporting to ${dir}`)

console.log(`run 1: ${describeRun(await exportChanges({ op, dir, settleMs }))}`)

const [first, second] = (await op.customers.list({ limit: 2 })).data
for (const customer of [first!, second!])
  await op.customers.update(customer.id, { notes: 'Key account: monthly report' })
const invoice = await op.invoices.create({
  customer_id: first!.id,
  line_items: [{ description: 'Window cleaning', quantity: 1, unit_amount: 12_000 }],
})
const payment = await op.payments.create({
  customer_id: first!.id,
  invoice_id: invoice.id,
  amount: invoice.total,
  method: 'card',
})
await op.payments.approve(payment.id)
console.log('changed: notes on 2 customers, 1 invoice issued and paid')
console.log(`run 2: ${describeRun(await exportChanges({ op, dir, settleMs }))}`)

const resumed = await mkdtemp(join(tmpdir(), 'octopuspro-export-'))
let run = 1
let result = await exportChanges({ op, dir: resumed, settleMs, maxRecords: 200 })
console.log(`interrupted export, run ${run}: ${describeRun(result)}`)
while (!result.complete) {
  result = await exportChanges({ op, dir: resumed, settleMs, maxRecords: 200 })
  console.log(`interrupted export, run ${++run}: ${describeRun(result)}`)
}
const ids = (await readFile(join(resumed, 'customers.jsonl'), 'utf8'))
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { id: string }).id)
console.log(`resumed export: ${ids.length} customers, ${new Set(ids).size} distinct`)

const lastLine = (await readFile(join(dir, 'customers.jsonl'), 'utf8')).trim().split('\n').at(-1)!
const { id, name, notes, updated_at } = JSON.parse(lastLine) as {
  id: string
  name: string
  notes: string
  updated_at: string
}
console.log(`last line of customers.jsonl: ${JSON.stringify({ id, name, notes, updated_at })}`)
await Promise.all([dir, resumed].map((d) => rm(d, { recursive: true })))
await server.close()
