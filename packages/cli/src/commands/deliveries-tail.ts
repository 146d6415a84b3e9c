import { isAPIError, type OctopusPro } from '@octopuspro/client'
import { commonUsage, parseCommandLine } from '../internal/command-line.js'
import { withApi } from '../internal/connection.js'
import { attemptRecord, DeliveryFollower, formatAttempt } from '../internal/delivery-follower.js'
import { interrupted } from '../internal/interrupted.js'
import { createOutput } from '../internal/output.js'
import { pollUntil } from '../internal/poll-until.js'

/** The usage text of `octopuspro deliveries tail`. */
export const deliveriesTailUsage = `Usage: octopuspro deliveries tail [options]

Follows webhook delivery attempts to every endpoint (or one) as they happen, one line each, until Ctrl-C.

Options:
  --webhook <whk_…>        only this endpoint's deliveries
${commonUsage}`

/** The deliveries updated after a time, of one endpoint or of each endpoint in turn. */
async function* deliveriesOf(op: OctopusPro, webhook: string | undefined, after: string | undefined) {
  const query = { limit: 100, ...(after && { updated_after: after }) }
  const ids = webhook ? [webhook] : (await op.webhooks.list({ limit: 100 }).toArray({ limit: 10_000 })).map((w) => w.id)
  for (const id of ids) {
    try {
      yield* op.webhooks.listDeliveries(id, query)
    } catch (error) {
      // Removed since it was listed (a listen that stopped): nothing more will come from it.
      if (webhook || !isAPIError(error) || error.status !== 404) throw error
    }
  }
}

/**
 * `octopuspro deliveries tail [--webhook whk_…]`: every new delivery attempt as one line (or JSON object).
 *
 * @example
 * ```ts
 * await deliveriesTailCommand(['--json'])
 * ```
 */
export async function deliveriesTailCommand(argv: readonly string[]): Promise<void> {
  const { values } = parseCommandLine(argv, { name: 'deliveries tail', options: { webhook: { type: 'string' } } })
  const out = createOutput(values.json === true)
  if (values.help) return out.note(deliveriesTailUsage)
  const stop = interrupted()
  await withApi(values, async (op) => {
    if (values.webhook) await op.webhooks.get(values.webhook)
    const follower = new DeliveryFollower((after) => deliveriesOf(op, values.webhook, after))
    await follower.skipExisting()
    out.emit('Following webhook deliveries; press Ctrl-C to stop.', { type: 'ready' })
    await pollUntil(async () => {
      for (const report of await follower.poll()) out.emit(formatAttempt(report), attemptRecord(report))
    }, stop)
  })
}
