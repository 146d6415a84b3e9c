import { appendFile, mkdir, stat, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import type { OctopusPro } from '@octopuspro/client'
import {
  type ExportedResource,
  type ExportState,
  exportedResources,
  loadState,
  type RunCheckpoint,
  saveState,
} from './state.js'

/** Options of {@link exportChanges}. */
export interface ExportOptions {
  /** The client; its API key only needs to be read-only. */
  op: OctopusPro
  /** Where the `<resource>.jsonl` files and `state.json` live. */
  dir: string
  /**
   * Records changed in the last `settleMs` are left for the next run, so a write still in flight or a clock a
   * little ahead of the API's is never skipped. Default 5000.
   */
  settleMs?: number
  /** The clock (default `Date.now`). */
  now?: () => number
  /** Stop after writing this many records; the next run resumes where this one stopped. Default: no limit. */
  maxRecords?: number
  /** Save the position after this many records read. Default 100 (a page). */
  checkpointEvery?: number
}

/** What a run did. */
export interface ExportResult {
  /** False when the run stopped at `maxRecords`; run again to resume. */
  complete: boolean
  /** The window exported: records updated after `after` (exclusive) and up to `until` (inclusive). */
  window: { after: string | null; until: string }
  /** Records written by this run, per resource. */
  written: Record<ExportedResource, number>
}

/** A record as far as the export cares: an id to resume after and a version time. */
interface Versioned {
  id: string
  updated_at: string
}

type ListQuery = { limit: number; updated_after?: string; starting_after?: string }

// #region list
/** Every record of a resource changed after `updated_after`, after the cursor, fetched page by page. */
function listChanges(op: OctopusPro, resource: ExportedResource, query: ListQuery): AsyncIterable<Versioned> {
  return op[resource].list(query) // a PagePromise: `for await` walks every page, one page in memory at a time
}
// #endregion list

const fileOf = (dir: string, resource: ExportedResource) => join(dir, `${resource}.jsonl`)

async function fileSizes(dir: string): Promise<Record<ExportedResource, number>> {
  const sizes = await Promise.all(
    exportedResources.map((r) =>
      stat(fileOf(dir, r)).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  )
  return Object.fromEntries(exportedResources.map((r, i) => [r, sizes[i]!])) as Record<ExportedResource, number>
}

/** Cuts what a killed run appended after its last checkpoint, so resuming writes no record twice. */
async function restoreFiles(dir: string, sizes: Record<ExportedResource, number>): Promise<void> {
  const current = await fileSizes(dir)
  for (const resource of exportedResources) {
    if (current[resource] < sizes[resource]) {
      throw new Error(
        `${fileOf(dir, resource)} is shorter than state.json says (${current[resource]} < ${sizes[resource]} ` +
          `bytes): it was changed by something else; move ${dir} away to export everything again`,
      )
    }
    if (current[resource] > sizes[resource]) await truncate(fileOf(dir, resource), sizes[resource])
  }
}

/**
 * Appends to `<dir>/<resource>.jsonl` every customer, invoice and payment changed since the last complete run (all
 * of them on the first run), one JSON object per line, exactly as the API returns it. Resumable: the position is
 * saved in `<dir>/state.json` every `checkpointEvery` records, and a run that stopped (limit, error, crash) is
 * resumed by the next one, with no gap and no duplicate.
 *
 * Each run exports one window of time, (after, until]: records updated later than `until` are skipped and come
 * with the next window, so each version of a record is written once. A record's last version always arrives;
 * loaders keep, per id, the line with the greatest `updated_at`.
 */
export async function exportChanges(options: ExportOptions): Promise<ExportResult> {
  const { op, dir, settleMs = 5_000, now = Date.now, maxRecords = Infinity, checkpointEvery = 100 } = options
  await mkdir(dir, { recursive: true })
  const state: ExportState = await loadState(dir)
  let run: RunCheckpoint
  if (state.run) {
    run = state.run
    await restoreFiles(dir, run.fileSizes)
  } else {
    const until = new Date(now() - settleMs).toISOString()
    run = {
      after: state.exportedUntil,
      until,
      resource: exportedResources[0],
      cursor: null,
      fileSizes: await fileSizes(dir),
    }
  }
  const window = { after: run.after, until: run.until }
  const written: Record<ExportedResource, number> = { customers: 0, invoices: 0, payments: 0 }
  let budget = maxRecords

  for (const resource of exportedResources.slice(exportedResources.indexOf(run.resource))) {
    let cursor = resource === run.resource ? run.cursor : null
    let lines: string[] = []
    let readSinceCheckpoint = 0
    const checkpoint = async () => {
      if (lines.length > 0) await appendFile(fileOf(dir, resource), lines.join(''))
      lines = []
      readSinceCheckpoint = 0
      run = { ...run, resource, cursor, fileSizes: await fileSizes(dir) }
      await saveState(dir, { ...state, run })
    }

    const query: ListQuery = { limit: 100 }
    if (run.after !== null) query.updated_after = run.after
    if (cursor !== null) query.starting_after = cursor
    for await (const record of listChanges(op, resource, query)) {
      cursor = record.id
      if (record.updated_at <= run.until) {
        lines.push(`${JSON.stringify(record)}\n`)
        written[resource]++
        budget--
      }
      if (budget <= 0) {
        await checkpoint()
        return { complete: false, window, written }
      }
      if (++readSinceCheckpoint >= checkpointEvery) await checkpoint()
    }
    await checkpoint()
  }

  await saveState(dir, { version: 1, exportedUntil: run.until, run: null })
  return { complete: true, window, written }
}
