/**
 * The OctopusPro toolkit end to end, with no account and no network: the reference server (demo seed) delivers
 * signed webhooks to an Express receiver while a scenario runs through the typed client. Exits non-zero if any
 * event was lost.
 */
import { OctopusPro } from '@octopuspro/client'
import { startReferenceServer } from '@octopuspro/reference-server'
import { startReceiver } from './receiver.js'
import { runScenario } from './scenario.js'

const print = (line: string) => process.stdout.write(`${line}\n`)

/** Waits (through the public API, as a user would) until no delivery to the endpoint is pending. */
async function settled(op: OctopusPro, endpointId: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while ((await op.webhooks.listDeliveries(endpointId, { status: 'pending', limit: 1 })).data.length > 0) {
    if (Date.now() > deadline) throw new Error(`deliveries still pending after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const server = await startReferenceServer({
  seed: 'demo',
  delivery: { retrySchedule: [250, 1_000, 2_000], timeoutMs: 2_000 },
})
const receiver = await startReceiver(print)
const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl })

try {
  print(`OctopusPro reference server at ${server.baseUrl} (demo seed)`)
  const searches = ['created', 'approved', 'arrived', 'missed', 'quote updated', 'invoice updated', 'status change']
  const found = await Promise.all(searches.map(async (search) => (await op.webhookEventTypes.list({ search })).data))
  const eventTypes = [...new Set(found.flat().map((t) => t.type))]
  const endpoint = await op.webhooks.create({ name: 'Demo receiver', url: receiver.url, event_types: eventTypes })
  receiver.mount(endpoint.secret)
  print(`Express receiver at ${receiver.url}, subscribed to ${eventTypes.length} event types\n`)

  await runScenario(op, print)

  // Wait for every delivery (and the retry of the one that fails once) to settle.
  await settled(op, endpoint.id)

  // Redeliver one event that was already handled: the receiver's dedupe must ignore it.
  const [first] = (await op.webhooks.listDeliveries(endpoint.id, { limit: 1 })).data
  if (first) {
    print('\n→ redelivering one event that was already handled')
    await op.webhookDeliveries.redeliver(first.id)
    await settled(op, endpoint.id)
  }
  const deliveries = await op.webhooks.listDeliveries(endpoint.id).toArray({ limit: 1_000 })

  const sent = new Set(deliveries.map((d) => d.event_id))
  const delivered = [...sent].filter((id) => receiver.tally.handled.has(id)).length
  const retried = deliveries.filter((d) => d.attempts.some((a) => a.status_code === 500)).length
  const lost = sent.size - delivered
  print(
    `\n${retried} ${retried === 1 ? 'delivery was' : 'deliveries were'} retried after a failure; every event was ` +
      `signed and verified.`,
  )
  print(
    `${sent.size} sent, ${delivered} delivered, ${lost} lost, ${receiver.tally.duplicatesIgnored} ` +
      `duplicate${receiver.tally.duplicatesIgnored === 1 ? '' : 's'} ignored`,
  )
  process.exitCode = lost === 0 && sent.size > 0 && receiver.tally.failuresSimulated === 1 ? 0 : 1
} catch (error) {
  print(`demo failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  await receiver.close()
  await server.close()
}
