import type { ExportResult } from './export.js'

/** One line about a run, e.g. `customers +2, invoices +1, payments +1 (changes after … up to …)`. */
export function describeRun({ complete, window, written }: ExportResult): string {
  const counts = Object.entries(written)
    .map(([resource, n]) => `${resource} +${n}`)
    .join(', ')
  const span =
    window.after === null ? `everything up to ${window.until}` : `changes after ${window.after} up to ${window.until}`
  return `${counts} (${span})${complete ? '' : ' — stopped at --max-records; run again to resume'}`
}
