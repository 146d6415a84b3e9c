import { OctopusPro } from '@octopuspro/client'
import { Webhooks } from '@octopuspro/webhooks'

/** A delivery the reference server made: its headers and exact body, and the key its receiver verifies with. */
export interface CapturedDelivery {
  headers: Record<string, string>
  body: string
  keys: { secret: string } | { publicKey: string }
}

/** What the vitest process hands the runtime: the server on a port and deliveries it signed. */
export interface ScenarioInput {
  baseUrl: string
  apiKey: string
  deliveries: Record<string, CapturedDelivery>
}

async function receive(delivery: CapturedDelivery) {
  const received: string[] = []
  const webhooks = new Webhooks(delivery.keys)
  webhooks.on('customer.created', (event) => void received.push(event.data.id))
  const post = (body: string) =>
    webhooks.handle(new Request('http://receiver.test/webhooks', { method: 'POST', headers: delivery.headers, body }))
  const genuine = await post(delivery.body)
  const tampered = await post(delivery.body.replace('Ada Lovelace', 'Eve Mallory'))
  return {
    status: genuine.status,
    received,
    tampered: { status: tampered.status, body: await tampered.json() },
  }
}

/**
 * What every runtime runs: the real client against the reference server (create, get, list), and the real
 * receiver's fetch door (`webhooks.handle`) on deliveries the server signed, genuine and tampered.
 *
 * @example
 * ```ts
 * console.log(JSON.stringify(await runScenario(input)))
 * ```
 */
export async function runScenario(input: ScenarioInput) {
  const op = new OctopusPro({ apiKey: input.apiKey, baseUrl: input.baseUrl })
  const created = await op.customers.create({ name: 'Grace Hopper', email: 'grace@example.com' })
  const got = await op.customers.get(created.id)
  const listed = await op.customers.list({ limit: 5 })
  const deliveries: Record<string, Awaited<ReturnType<typeof receive>>> = {}
  for (const [name, delivery] of Object.entries(input.deliveries)) deliveries[name] = await receive(delivery)
  const processLike = (globalThis as { process?: { getBuiltinModule?: unknown } }).process
  return {
    crypto: typeof processLike?.getBuiltinModule === 'function' ? 'node:crypto' : 'Web Crypto',
    created: { id: created.id, name: created.name, email: created.email },
    gotSame: JSON.stringify(got) === JSON.stringify(created),
    listed: listed.data.map((customer) => customer.id),
    deliveries,
  }
}
