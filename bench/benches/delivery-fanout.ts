import { Agent, request } from 'node:http'
import { createHmac } from 'node:crypto'
import { createSampleEvent, parseWebhookSecret } from '@octopuspro/contract'
import { createReferenceServer, type ReferenceServer } from '@octopuspro/reference-server'
import { size, type Bench } from '../lib/bench.js'
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

const createCustomer = (server: ReferenceServer, i: number) => call(server, '/customers', { name: `Customer ${i}` }, 201)

/** A fresh reference server (in this process) with one endpoint per receiver, subscribed to `customer.created`. */
async function serverWithEndpoints(urls: readonly string[]): Promise<ReferenceServer> {
  const server = createReferenceServer()
  for (const [i, url] of urls.entries()) await call(server, '/webhooks', { name: `Receiver ${i}`, url, event_types: ['customer.created'] }, 201)
  return server
}

/**
 * The floor of the throughput case: the same number of signed `customer.created` posts, each event made and
 * signed (node:crypto HMAC) when it is sent, straight from node:http with keep-alive and the same concurrency
 * (10 per endpoint) — no API, no delivery log, no retries.
 */
async function bareSender(urls: readonly string[], total: number): Promise<void> {
  const agent = new Agent({ keepAlive: true })
  const key = parseWebhookSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')
  let sent = 0
  const post = async (url: URL) => {
    const event = { ...createSampleEvent('customer.created'), timestamp: new Date().toISOString() }
    const body = JSON.stringify(event)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const signature = createHmac('sha256', key).update(`${event.id}.${timestamp}.${body}`).digest('base64')
    const headers = { 'webhook-id': event.id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` }
    await new Promise<void>((resolve, reject) => {
      const outgoing = request(
        { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (answer) => answer.resume().on('end', () => (answer.statusCode === 204 ? resolve() : reject(new Error(`receiver answered ${answer.statusCode}`)))),
      )
      outgoing.on('error', reject).end(body)
    })
  }
  try {
    await Promise.all(
      urls.flatMap((url) =>
        Array.from({ length: 10 }, async () => {
          while (sent < total) {
            sent++
            await post(new URL(url))
          }
        }),
      ),
    )
  } finally {
    agent.destroy()
  }
}

/** Waits until every delivery is done and checks that each one succeeded and reached a receiver. */
async function settled(server: ReferenceServer, expected: number, stats: () => Promise<ReceiverStats>): Promise<ReceiverStats> {
  await server.deliveries.idle()
  const succeeded = server.deliveries.list({ status: 'succeeded' }).length
  const received = await stats()
  if (succeeded !== expected || received.deliveries !== expected) throw new Error(`expected ${expected} deliveries: ${succeeded} succeeded, ${received.deliveries} received`)
  return received
}

/**
 * delivery-fanout: the reference server's delivery engine (in this process, default options) sending
 * `customer.created` events to 3 node:http receivers (another process). Throughput: 10 000 events created through
 * the API (in this process) as fast as it takes them, deliveries per second from the first create until the last
 * delivery is acknowledged; a bare node:http sender is the floor (no goal). Latency: events created at 500/s, time
 * from the event's timestamp to its arrival at the receiver.
 */
export const deliveryFanoutBench: Bench = {
  name: 'delivery-fanout',
  description: '10k events × 3 endpoints to node:http receivers: deliveries/s; event→delivery latency at 500 events/s',
  async run(settings) {
    const events = size(settings, 10_000, 20)
    const paced = size(settings, 5_000, 20)
    const receivers = await startChild<{ urls: string[] }>(new URL('../processes/webhook-receivers.ts', import.meta.url), { args: [String(ENDPOINTS)] })
    const stats = () => receivers.request<ReceiverStats>('stats')
    try {
      const throughput: number[] = []
      const floorThroughput: number[] = []
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
        await receivers.request('reset')
        const floorStarted = performance.now()
        await bareSender(receivers.ready.urls, events * ENDPOINTS)
        const floorStats = await stats()
        if (floorStats.deliveries !== events * ENDPOINTS) throw new Error(`floor: ${floorStats.deliveries} of ${events * ENDPOINTS} received`)
        floorThroughput.push((events * ENDPOINTS * 1000) / (performance.now() - floorStarted))
        server = await serverWithEndpoints(receivers.ready.urls)
        try {
          await receivers.request('reset')
          const started = performance.now()
          let created = 0
          while (created < paced) {
            const due = Math.min(paced, Math.floor(((performance.now() - started) * RATE) / 1000) + 1)
            while (created < due) await createCustomer(server, created++)
            await new Promise((resolve) => setTimeout(resolve, 2))
          }
          rates.push((paced * 1000) / (performance.now() - started))
          const latency = await settled(server, paced * ENDPOINTS, stats)
          p50.push(latency.latencyP50Ms)
          p99.push(latency.latencyP99Ms)
        } finally {
          await server.close()
        }
      }
      const deliveries = measurement('reference server delivery engine', 'ours', 'deliveries/s', throughput)
      const latency = measurement('reference server delivery engine', 'ours', 'ms p99 event→delivery at 500 events/s', p99)
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
            measurements: [latency],
            goals: [valueGoal('p99 event→delivery', latency.median, '<', 25, 'ms')],
            details: { 'p50 ms': measurement('p50', 'ours', 'ms', p50).median, 'achieved events/s': measurement('rate', 'ours', '/s', rates).median },
          },
        ],
      }
    } finally {
      await receivers.close()
    }
  },
}
