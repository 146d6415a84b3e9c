import type { OctopusPro } from '@octopuspro/client'
import type { WebhookEndpoint } from '@octopuspro/contract'
import { usageError } from '../internal/cli-error.js'
import { commonUsage, parseCommandLine } from '../internal/command-line.js'
import { withApi } from '../internal/connection.js'
import { parseEventPatterns } from '../internal/event-patterns.js'
import { formatForwarded, startForwarder } from '../internal/forwarder.js'
import { interrupted } from '../internal/interrupted.js'
import { createOutput } from '../internal/output.js'

/** The usage text of `octopuspro listen`. */
export const listenUsage = `Usage: octopuspro listen --forward-to <url> [options]

Creates a webhook endpoint on a running server (or reuses the one a previous listen left) that delivers to this
process, which forwards each delivery unchanged to <url>; prints the endpoint's whsec_ signing secret, then one
line per delivery (event type, event id, your receiver's status code, duration). Ctrl-C removes the endpoint.

Options:
  --forward-to <url>       where the server delivers, e.g. http://localhost:3000/webhooks (required)
  --events <list>          event types, categories or *, e.g. booking.*,payment.approved (default: *)
${commonUsage}`

/** The metadata that marks an endpoint as made by `listen`, so a later listen reuses it and nothing else. */
const createdBy = 'octopuspro listen'

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

/**
 * The endpoint a previous listen to the same receiver left (killed before it could remove it), pointed at this
 * forwarder, so the receiver keeps its secret; or a new one.
 */
async function openEndpoint(
  op: OctopusPro,
  forwardTo: string,
  url: string,
  eventTypes: WebhookEndpoint['event_types'],
) {
  const metadata = { created_by: createdBy, forward_to: forwardTo }
  for await (const endpoint of op.webhooks.list({ limit: 100 })) {
    if (endpoint.metadata.created_by !== createdBy || endpoint.metadata.forward_to !== forwardTo) continue
    const reused = await op.webhooks.update(endpoint.id, { url, event_types: eventTypes, active: true })
    return { endpoint: reused, secret: (await op.webhooks.getSecret(endpoint.id)).secret, reused: true }
  }
  const { secret, ...endpoint } = await op.webhooks.create({
    name: 'octopuspro listen',
    url,
    event_types: eventTypes,
    description: `Forwarded to ${forwardTo} by octopuspro listen; removed when it stops.`,
    metadata,
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
  const forwardTo = checkForwardTo(values['forward-to'])
  const eventTypes = parseEventPatterns(values.events ?? '*')
  const stop = interrupted()
  await withApi(values, async (op) => {
    const forwarder = await startForwarder(forwardTo, (attempt) =>
      out.emit(formatForwarded(attempt), { type: 'delivery', ...attempt }),
    )
    try {
      const { endpoint, secret, reused } = await openEndpoint(op, forwardTo, forwarder.url, eventTypes)
      out.emit(
        [
          `Ready! ${reused ? 'Reusing' : 'Created'} webhook endpoint ${endpoint.id}, forwarding to ${forwardTo}`,
          `  events          ${eventTypes.join(', ')}`,
          `  signing secret  ${secret}`,
          'Press Ctrl-C to stop (the endpoint is removed).',
        ].join('\n'),
        { type: 'ready', webhook: endpoint, forward_to: forwardTo, secret, reused },
      )
      const signal = await stop
      await op.webhooks.delete(endpoint.id)
      out.emit(`${signal}: removed webhook endpoint ${endpoint.id}`, { type: 'removed', webhook_id: endpoint.id })
    } finally {
      await forwarder.close()
    }
  })
}
