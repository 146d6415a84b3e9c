import { mkdirSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where each scenario writes its figures; `pnpm reliability:report` turns them into test/RELIABILITY.md. */
export const RESULTS_DIR = fileURLToPath(new URL('../.results/', import.meta.url))

/** One row of a scenario's table: what was measured and its value. */
export interface Figure {
  label: string
  value: number | string
}

/** The figures every scenario reports in the summary table (a scenario leaves out what does not apply to it). */
export interface Summary {
  /** Requests, deliveries or checks tried. */
  tried: number
  /** Faults, hostile inputs or bad keys injected. */
  faults: number
  /** Events that never reached a handler while retries lasted. */
  lost?: number
  /** Handler runs (or creates) beyond the first. */
  duplicates?: number
  /** Answers, log entries or texts that broke a rule (wrong status, 5xx, log mismatch, leaked secret). */
  wrong: number
}

/** The figures of one scenario, as written to `.results/<id>.json`. */
export interface ScenarioResult {
  /** File name and sort key, e.g. `1-receiver-fuzz`. */
  id: string
  title: string
  /** The test file that measured them, e.g. `receiver-fuzz.test.ts`. */
  file: string
  summary: Summary
  figures: Figure[]
  /** When the figures were measured (ISO 8601). */
  at: string
}

/**
 * Writes a scenario's figures for the report. Scenarios write them whether or not their assertions then pass; the
 * report takes pass or fail from vitest's own results.
 *
 * @example
 * ```ts
 * recordFigures({
 *   file: import.meta.url,
 *   id: '1-receiver-fuzz',
 *   title: 'Receiver fuzz',
 *   summary: { tried: 10_512, faults: 7_020, wrong: 0 },
 *   figures: [],
 * })
 * ```
 */
export function recordFigures(result: Omit<ScenarioResult, 'at' | 'file'> & { file: string }): void {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const written: ScenarioResult = {
    ...result,
    file: basename(fileURLToPath(result.file)),
    at: new Date().toISOString(),
  }
  writeFileSync(`${RESULTS_DIR}${result.id}.json`, `${JSON.stringify(written, null, 2)}\n`)
}
