/**
 * `pnpm bench [name…] [--rounds N] [--smoke]`: runs the benches of issue 7 (all, or those named), prints each
 * case's medians and goals, stores bench/results/<bench>.json and rewrites the table in bench/README.md.
 */
import { parseArgs } from 'node:util'
import { benches } from './benches/index.js'
import { loadAverage, machine } from './lib/machine.js'
import { formatNumber, type ResultFile, updateReadme, writeResultFile } from './lib/report.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '5' }, smoke: { type: 'boolean', default: false } },
})
const unknown = positionals.filter((name) => !benches.some((bench) => bench.name === name))
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(', ')}; choose from ${benches.map((b) => b.name).join(', ')}`)
  process.exit(2)
}
const selected = positionals.length === 0 ? benches : benches.filter((bench) => positionals.includes(bench.name))
const settings = { smoke: values.smoke, rounds: values.smoke ? 1 : Number(values.rounds) }

console.log(`${new Date().toISOString()} · ${JSON.stringify(machine())} · load ${loadAverage()}`)
for (const bench of selected) {
  console.log(`\n▶ ${bench.name}: ${bench.description}`)
  const before = loadAverage()
  const started = performance.now()
  const result = await bench.run(settings)
  const file: ResultFile = {
    ...result,
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage: { before, after: loadAverage() },
    durationSeconds: Math.round((performance.now() - started) / 1000),
  }
  for (const c of result.cases) {
    console.log(`  ${c.name}`)
    for (const m of c.measurements)
      console.log(
        `    ${m.role.padEnd(5)} ${m.name.padEnd(34)} ${formatNumber(m.median).padStart(10)} ${m.unit}   rounds: ` +
          `${m.rounds.map(formatNumber).join(', ')}`,
      )
    for (const [key, value] of Object.entries(c.details ?? {}))
      console.log(`    ·     ${key.padEnd(34)} ${typeof value === 'number' ? formatNumber(value) : value}`)
    for (const g of c.goals)
      console.log(
        `    ${g.met ? 'MET ' : 'MISS'}  ${g.label} = ` +
          `${formatNumber(g.measured)}${g.unit === '×' ? '×' : ` ${g.unit}`} (goal ${g.op} ${formatNumber(g.target)})`,
      )
  }
  if (!settings.smoke) await writeResultFile(file)
}
if (!settings.smoke) await updateReadme(benches.map((bench) => bench.name))
