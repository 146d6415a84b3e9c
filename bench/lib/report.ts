import { readdir, readFile, writeFile } from 'node:fs/promises'
import type { Machine } from './machine.js'
import type { BenchResult, Goal, Measurement } from './result.js'

/** A bench result as stored in bench/results/<bench>.json. */
export interface ResultFile extends BenchResult {
  date: string
  machine: Machine
  /** 1-minute load average when the bench started and ended: the machine is shared, so this says how noisy it was. */
  loadAverage: { before: number; after: number }
  durationSeconds: number
}

const resultsDir = new URL('../results/', import.meta.url)
const readmeUrl = new URL('../README.md', import.meta.url)
const START = '<!-- results:start (written by bench/run.ts) -->'
const END = '<!-- results:end -->'

export async function writeResultFile(file: ResultFile): Promise<void> {
  await writeFile(new URL(`${file.bench}.json`, resultsDir), `${JSON.stringify(file, null, 2)}\n`)
}

export async function readResultFiles(): Promise<ResultFile[]> {
  const names = (await readdir(resultsDir)).filter((name) => name.endsWith('.json')).sort()
  return Promise.all(
    names.map(async (name) => JSON.parse(await readFile(new URL(name, resultsDir), 'utf8')) as ResultFile),
  )
}

/** A number with three significant digits, thousands grouped. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const rounded = Number(value.toPrecision(3))
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 3 })
}

function formatMeasurement(m: Measurement): string {
  return `${m.name}: ${formatNumber(m.median)} ${m.unit}`
}

function formatGoal(goal: Goal): string {
  const unit = goal.unit === '×' ? '×' : ` ${goal.unit}`
  return (
    `${goal.label} = **${formatNumber(goal.measured)}${unit}** (goal ${goal.op === '>=' ? '≥' : '<'} ` +
    `${formatNumber(goal.target)}${unit}) ${goal.met ? '✅' : '❌'}`
  )
}

/** The human table of every stored result, one row per case, benches in `order`. */
export function renderTable(files: readonly ResultFile[], order: readonly string[]): string {
  const rank = (file: ResultFile) => (order.includes(file.bench) ? order.indexOf(file.bench) : order.length)
  const sorted = [...files].sort((a, b) => rank(a) - rank(b))
  const lines = [
    '| case | ours | peers / floor | details | goals | date · load (1 min, before → after) |',
    '|---|---|---|---|---|---|',
  ]
  for (const file of sorted) {
    for (const c of file.cases) {
      const ours = c.measurements
        .filter((m) => m.role === 'ours')
        .map(formatMeasurement)
        .join('<br>')
      const others =
        c.measurements
          .filter((m) => m.role !== 'ours')
          .map(formatMeasurement)
          .join('<br>') || '—'
      const details = Object.entries(c.details ?? {})
        .map(([k, v]) => `${k}: ${typeof v === 'number' ? formatNumber(v) : v}`)
        .join('<br>')
      const goals = c.goals.map(formatGoal).join('<br>') || '—'
      lines.push(
        `| ${c.name} | ${ours} | ${others} | ${details} | ${goals} | ${file.date.slice(0, 16).replace('T', ' ')} · ` +
          `${file.loadAverage.before} → ${file.loadAverage.after} |`,
      )
    }
  }
  const machines = [
    ...new Set(
      sorted.map(
        (f) =>
          `${f.machine.cpu}, ${f.machine.cores} cores, ${f.machine.memoryGiB} GiB, ${f.machine.os}, Node ` +
          `${f.machine.node}`,
      ),
    ),
  ]
  return [`Machine: ${machines.join('; ')}`, '', ...lines].join('\n')
}

/** Rewrites the results section of bench/README.md from every stored result, benches in `order`. */
export async function updateReadme(order: readonly string[]): Promise<void> {
  const readme = await readFile(readmeUrl, 'utf8')
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end === -1) throw new Error(`bench/README.md lacks the markers ${START} … ${END}`)
  const table = renderTable(await readResultFiles(), order)
  await writeFile(readmeUrl, `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`)
}
