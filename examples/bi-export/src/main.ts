/**
 * Exports what changed since the last run: `pnpm --filter @octopuspro-examples/bi-export start --out ./export`.
 * The API key and base URL come from OCTOPUSPRO_API_KEY and OCTOPUSPRO_BASE_URL (a read-only key is enough).
 * Options: --out <dir> (default ./octopuspro-export), --max-records <n>, --settle-ms <ms> (default 5000).
 */
import { parseArgs } from 'node:util'
import { OctopusPro } from '@octopuspro/client'
import { describeRun } from './describe-run.js'
import { exportChanges } from './export.js'

try {
  const args = process.argv.slice(2)
  if (args[0] === '--') args.shift() // `pnpm start -- --out x` passes the `--` on
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string', default: 'octopuspro-export' },
      'max-records': { type: 'string' },
      'settle-ms': { type: 'string' },
    },
  })
  const number = (name: string, min: number) => {
    const value = values[name as 'max-records' | 'settle-ms']
    if (value === undefined) return undefined
    const n = Number(value)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number from ${min}, got ${value}`)
    return n
  }
  const result = await exportChanges({
    op: new OctopusPro(),
    dir: values.out,
    maxRecords: number('max-records', 1),
    settleMs: number('settle-ms', 0),
  })
  console.log(describeRun(result))
} catch (error) {
  console.error(`bi-export: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
