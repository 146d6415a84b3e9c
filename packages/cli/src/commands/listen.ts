import type { OctopusPro } from '@octopuspro/client'
import type { WebhookEndpoint } from '@octopuspro/contract'
import { usageError } from '../internal/cli-error.js'
import { commonUsage, parseCommandLine } from '../internal/command-line.js'
import { withApi } from '../internal/connection.js'
import { attemptRecord, DeliveryFollower, followUntil, formatAttempt } from '../internal/delivery-follower.js'
import { parseEventPatterns } from '../internal/event-patterns.js'
import { interrupted } from '../internal/interrupted.js'
import { createOutput } from '../internal/output.js'

/** The usage text of `octopuspro listen`. */
export const listenUsage = `Usage: octopuspro listen --forward-to <url> [options]

Creates a webhook endpoint for <url> on a running server (or reuses the one a previous listen left), prints its
whsec_ signing secret, then one line per delivery attempt; Ctrl-C removes the endpoint.

Options:
  --forward-to <url>       where the server delivers, e.g. http://localhost:3000/webhooks (required)
  --events <list>          event types, categories or *, e.g. booking.*,payment.approved (default: *)
${commonUsage}`

/** The metadata that marks an endpoint as made by `listen`, so a later listen reuses it and nothing else. */
const marker = { created_by: 'octopuspro listen' }

function checkForwardTo(value: string | undefined): string {
  if (value === undefined) usageError('octopuspro listen needs --forward-to <url>, e.g. http://localhost:3000/webhooks')
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol))
    usageError(`--forward-to '${value}' is not an http(s) URL; pass one such as http://localhost:3000/webhooks`)
  return value
}

/** The endpoint a previous listen left for this URL (killed before it could remove it), or a new one. */
async function openEndpoint(op: OctopusPro, url: string, eventTypes: WebhookEndpoint['event_types']) {
  for await (const endpoint of op.webhooks.list({ limit: 100 })) {
    if (endpoint.url !== url || endpoint.metadata.created_by !== marker.created_by) continue
    const reused = await op.webhooks.update(endpoint.id, { event_types: eventTypes, active: true })
    return { endpoint: reused, secret: (await op.webhooks.getSecret(endpoint.id)).secret, reused: true }
  }
  const { secret, ...endpoint } = await op.webhooks.create({
    name: 'octopuspro listen',
    url,
    event_types: eventTypes,
    description: 'Forwarding to a local receiver; removed when octopuspro listen stops.',
    metadata: marker,
  })
  return { endpoint, secret, reused: false }
}

/**
 * `octopuspro listen --forward-to <url> [--events …]`: an endpoint for a local receiver, its deliveries as they
 * happen, and the endpoint removed again on Ctrl-C.
 *
 * @example
 * ```ts
 * await listenCommand(['--forward-to', 'http://localhost:3000/webhooks', '--events', 'booking.*'])
 * ```
 */
export async function listenCommand(argv: readonly string[]): Promise<void> {
  const { values } = parseCommandLine(argv, {
    name: 'listen',
    options: { 'forward-to': { type: 'string' }, events: { type: 'string' } },
  })
  const out = createOutput(values.json === true)
  if (values.help) return out.note(listenUsage)
  const url = checkForwardTo(values['forward-to'])
  const eventTypes = parseEventPatterns(values.events ?? '*')
  const stop = interrupted()
  await withApi(values, async (op) => {
    const { endpoint, secret, reused } = await openEndpoint(op, url, eventTypes)
    const follower = new DeliveryFollower((after) =>
      op.webhooks.listDeliveries(endpoint.id, { limit: 100, ...(after && { updated_after: after }) }),
    )
    await follower.skipExisting()
    out.emit(
      [
        `Ready! ${reused ? 'Reusing' : 'Created'} webhook endpoint ${endpoint.id} → ${url}`,
        `  events          ${eventTypes.join(', ')}`,
        `  signing secret  ${secret}`,
        'Press Ctrl-C to stop (the endpoint is removed).',
      ].join('\n'),
      { type: 'ready', webhook: endpoint, secret, reused },
    )
    await followUntil(follower, (report) => out.emit(formatAttempt(report), attemptRecord(report)), stop)
    const signal = await stop
    await op.webhooks.delete(endpoint.id)
    out.emit(`${signal}: removed webhook endpoint ${endpoint.id}`, { type: 'removed', webhook_id: endpoint.id })
  })
}
