import { createHmac } from 'node:crypto'
import { Agent, request } from 'node:http'
import { parseWebhookSecret } from '@octopuspro/contract'
import { createSampleEvent } from '@octopuspro/contract/samples'
import { createReferenceServer, type ReferenceServer } from '@octopuspro/reference-server'
import { type Bench, size } from '../lib/bench.js'
import { startChild } from '../lib/child.js'
import { measurement, valueGoal } from '../lib/result.js'
import type { ReceiverStats } from '../processes/webhook-receivers.js'

const ENDPOINTS = 3
const RATE = 500

/** Calls the in-process server's API with its ready key and checks the status. */
async function call(server: ReferenceServer, path: string, body: unknown, expected: number): Promise<void> {
  const response = await server.fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (response.status !== expected) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`)
  await response.arrayBuffer()
}

const createCustomer = (server: ReferenceServer, i: number) =>
  call(server, '/customers', { name: `Customer ${i}` }, 201)

/** A fresh reference server (in this process) with one endpoint per receiver, subscribed to `customer.created`. */
async function serverWithEndpoints(urls: readonly string[]): Promise<ReferenceServer> {
  const server = createReferenceServer()
  for (const [i, url] of urls.entries())
    await call(server, '/webhooks', { name: `Receiver ${i}`, url, event_types: ['customer.created'] }, 201)
  return server
}

/**
 * The floor: signed `customer.created` events posted straight from node:http with keep-alive — no API, no delivery
 * log, no retries. Each `send` makes a fresh event, signs it (node:crypto HMAC) and posts it to every receiver.
 */
function bareSender(urls: readonly string[]): { send(): Promise<void>; close(): void } {
  const agent = new Agent({ keepAlive: true })
  const key = parseWebhookSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')
  const targets = urls.map((url) => new URL(url))
  const post = (url: URL, body: string, headers: Record<string, string>) =>
    new Promise<void>((resolve, reject) => {
      const outgoing = request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
          },
        },
        (answer) =>
          answer
            .resume()
            .on('end', () =>
              answer.statusCode === 204 ? resolve() : reject(new Error(`receiver answered ${answer.statusCode}`)),
            ),
      )
      outgoing.on('error', reject).end(body)
    })
  return {
    async send() {
      const event = { ...createSampleEvent('customer.created'), timestamp: new Date().toISOString() }
      const body = JSON.stringify(event)
      const timestamp = String(Math.floor(Date.now() / 1000))
      const signature = createHmac('sha256', key).update(`${event.id}.${timestamp}.${body}`).digest('base64')
      const headers = { 'webhook-id': event.id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` }
      await Promise.all(targets.map((url) => post(url, body, headers)))
    },
    close: () => agent.destroy(),
  }
}

/**
 * Calls `step(0…total-1)` at `rate` per second (a tick every 2 ms catches up on what is due); resolves with the rate
 * achieved.
 */
async function atRate(total: number, rate: number, step: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now()
  let done = 0
  while (done < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000) + 1)
    while (done < due) await step(done++)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  return (total * 1000) / (performance.now() - started)
}

/** Waits until every delivery is done and checks that each one succeeded and reached a receiver. */
async function settled(
  server: ReferenceServer,
  expected: number,
  stats: () => Promise<ReceiverStats>,
): Promise<ReceiverStats> {
  await server.deliveries.idle()
  const succeeded = server.deliveries.list({ status: 'succeeded' }).length
  if (succeeded !== expected) throw new Error(`expected ${expected} deliveries to succeed, ${succeeded} did`)
  return received(expected, stats)
}

/** The receivers' stats, checked to count exactly `expected` deliveries. */
async function received(expected: number, stats: () => Promise<ReceiverStats>): Promise<ReceiverStats> {
  const seen = await stats()
  if (seen.deliveries !== expected)
    throw new Error(`expected ${expected} deliveries at the receivers, got ${seen.deliveries}`)
  return seen
}

/**
 * delivery-fanout: the reference server's delivery engine (in this process, default options) sending
 * `customer.created` events to 3 node:http receivers (another process). Throughput: 10 000 events created through
 * the API (in this process) as fast as it takes them, deliveries per second from the first create until the last
 * delivery is acknowledged. Latency: events created at 500/s, time from the event's timestamp to its arrival at
 * the receiver. A bare node:http sender is the floor of both (no goal: it shows what this machine allows).
 */
export const deliveryFanoutBench: Bench = {
  name: 'delivery-fanout',
  description: '10k events × 3 endpoints to node:http receivers: deliveries/s; event→delivery latency at 500 events/s',
  async run(settings) {
    const events = size(settings, 10_000, 20)
    const paced = size(settings, 5_000, 20)
    const receivers = await startChild<{ urls: string[] }>(
      new URL('../processes/webhook-receivers.ts', import.meta.url),
      { args: [String(ENDPOINTS)] },
    )
    const stats = () => receivers.request<ReceiverStats>('stats')
    try {
      const throughput: number[] = []
      const floorThroughput: number[] = []
      const floorP99: number[] = []
      const p99: number[] = []
      const p50: number[] = []
      const rates: number[] = []
      for (let round = 0; round < settings.rounds; round++) {
        let server = await serverWithEndpoints(receivers.ready.urls)
        try {
          await receivers.request('reset')
          const started = performance.now()
          for (let i = 0; i < events; i++) await createCustomer(server, i)
          await settled(server, events * ENDPOINTS, stats)
          throughput.push((events * ENDPOINTS * 1000) / (performance.now() - started))
        } finally {
          await server.close()
        }
        const sender = bareSender(receivers.ready.urls)
        try {
          await receivers.request('reset')
          let sent = 0
          const floorStarted = performance.now()
          // 10 events in flight, each to every receiver: 10 per endpoint, like the engine's default.
          const worker = async () => {
            while (sent < events) {
              sent++
              await sender.send()
            }
          }
          await Promise.all(Array.from({ length: 10 }, worker))
          await received(events * ENDPOINTS, stats)
          floorThroughput.push((events * ENDPOINTS * 1000) / (performance.now() - floorStarted))
          await receivers.request('reset')
          const pending: Promise<void>[] = []
          await atRate(paced, RATE, async () => void pending.push(sender.send()))
          await Promise.all(pending)
          floorP99.push((await received(paced * ENDPOINTS, stats)).latencyP99Ms)
        } finally {
          sender.close()
        }
        server = await serverWithEndpoints(receivers.ready.urls)
        try {
          await receivers.request('reset')
          rates.push(await atRate(paced, RATE, (i) => createCustomer(server, i)))
          const latency = await settled(server, paced * ENDPOINTS, stats)
          p50.push(latency.latencyP50Ms)
          p99.push(latency.latencyP99Ms)
        } finally {
          await server.close()
        }
      }
      const deliveries = measurement('reference server delivery engine', 'ours', 'deliveries/s', throughput)
      const latency = measurement(
        'reference server delivery engine',
        'ours',
        'ms p99 event→delivery at 500 events/s',
        p99,
      )
      return {
        bench: 'delivery-fanout',
        description: this.description,
        settings: { events, endpoints: ENDPOINTS, pacedEvents: paced, eventsPerSecond: RATE, rounds: settings.rounds },
        cases: [
          {
            name: 'delivery-fanout throughput',
            measurements: [deliveries, measurement('bare node:http sender', 'floor', 'deliveries/s', floorThroughput)],
            goals: [valueGoal('deliveries/s', deliveries.median, '>=', 5000, 'deliveries/s')],
          },
          {
            name: 'delivery-fanout latency',
            measurements: [
              latency,
              measurement('bare node:http sender', 'floor', 'ms p99 event→delivery at 500 events/s', floorP99),
            ],
            goals: [valueGoal('p99 event→delivery', latency.median, '<', 25, 'ms')],
            details: {
              'p50 ms': measurement('p50', 'ours', 'ms', p50).median,
              'achieved events/s': measurement('rate', 'ours', '/s', rates).median,
            },
          },
        ],
      }
    } finally {
      await receivers.close()
    }
  },
}
