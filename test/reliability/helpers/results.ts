import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Where each scenario writes its figures; `pnpm reliability:report` turns them into test/RELIABILITY.md. */
export const RESULTS_DIR = fileURLToPath(new URL('../.results/', import.meta.url))

/** One row of the report: what was measured and its value. */
export interface Figure {
  label: string
  value: number | string
}

/** The figures of one scenario, as written to `.results/<id>.json`. */
export interface ScenarioResult {
  /** File name and sort key, e.g. `1-receiver-fuzz`. */
  id: string
  title: string
  figures: Figure[]
  /** When the figures were measured (ISO 8601). */
  at: string
}

/**
 * Writes a scenario's figures once its assertions passed, so the report only ever shows figures of a passing run.
 *
 * @example
 * ```ts
 * recordFigures('1-receiver-fuzz', 'Receiver fuzz', [{ label: 'requests tried', value: 10_512 }])
 * ```
 */
export function recordFigures(id: string, title: string, figures: Figure[]): void {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const result: ScenarioResult = { id, title, figures, at: new Date().toISOString() }
  writeFileSync(`${RESULTS_DIR}${id}.json`, `${JSON.stringify(result, null, 2)}\n`)
}
