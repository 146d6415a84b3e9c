import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The resources exported, in the order each run walks them. */
export const exportedResources = ['customers', 'invoices', 'payments'] as const
export type ExportedResource = (typeof exportedResources)[number]

/** A run in progress: its window, where it stopped, and how long each file was at that point. */
export interface RunCheckpoint {
  /** Exclusive start of the window (`updated_after`), or null on the first run: everything. */
  after: string | null
  /** Inclusive end of the window: records updated later are left for the next run. */
  until: string
  /** The resource being exported. */
  resource: ExportedResource
  /** The id of the last record read (the `starting_after` to resume from), or null at the start of `resource`. */
  cursor: string | null
  /** Byte length of each output file at this checkpoint; whatever a killed run wrote after it is cut on resume. */
  fileSizes: Record<ExportedResource, number>
}

/** What `state.json` holds between runs. */
export interface ExportState {
  version: 1
  /** The end of the last complete window: the next run exports what changed after it. */
  exportedUntil: string | null
  /** The run that was interrupted, to resume; null when the last run completed. */
  run: RunCheckpoint | null
}

const stateFile = (dir: string) => join(dir, 'state.json')

/** Reads the state of `dir`, or a fresh one when there is none yet. */
export async function loadState(dir: string): Promise<ExportState> {
  try {
    return JSON.parse(await readFile(stateFile(dir), 'utf8')) as ExportState
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, exportedUntil: null, run: null }
    throw error
  }
}

/** Writes the state atomically (a temporary file renamed over the old one), so a crash never leaves half of it. */
export async function saveState(dir: string, state: ExportState): Promise<void> {
  const temporary = `${stateFile(dir)}.tmp`
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`)
  await rename(temporary, stateFile(dir))
}
