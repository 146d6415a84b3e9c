import type { OctopusPro } from '@octopuspro/client'
import type { RequestLogEntry } from '@octopuspro/contract'
import { commonUsage, parseCommandLine } from '../internal/command-line.js'
import { withApi } from '../internal/connection.js'
import { interrupted } from '../internal/interrupted.js'
import { createOutput } from '../internal/output.js'
import { pollUntil } from '../internal/poll-until.js'

/** The usage text of `octopuspro logs tail`. */
export const logsTailUsage = `Usage: octopuspro logs tail [options]

Follows the server's request log (GET /v1/request-logs) as requests happen, one line each, until Ctrl-C.

Options:
${commonUsage}`

/** The entries after `cursor` (all of them when `undefined`), every page. */
async function entriesAfter(op: OctopusPro, cursor: string | undefined): Promise<RequestLogEntry[]> {
  return op.requestLogs.list({ limit: 100, ...(cursor && { starting_after: cursor }) }).toArray({ limit: 10_000 })
}

/**
 * `octopuspro logs tail`: every new API request as one line (`POST /v1/customers 201 3ms req_…`) or JSON object,
 * polled once a second.
 *
 * @example
 * ```ts
 * await logsTailCommand(['--json'])
 * ```
 */
export async function logsTailCommand(argv: readonly string[]): Promise<void> {
  const { values } = parseCommandLine(argv, { name: 'logs tail', options: {} })
  const out = createOutput(values.json === true)
  if (values.help) return out.note(logsTailUsage)
  const stop = interrupted()
  await withApi(values, async (op) => {
    let cursor = (await entriesAfter(op, undefined)).at(-1)?.id
    out.emit('Following the request log; press Ctrl-C to stop.', { type: 'ready' })
    await pollUntil(async () => {
      for (const entry of await entriesAfter(op, cursor)) {
        out.emit(`${entry.method} ${entry.path} ${entry.status} ${entry.duration_ms}ms ${entry.id}`, entry)
        cursor = entry.id
      }
    }, stop)
  })
}
