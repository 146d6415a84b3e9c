/**
 * `argv[2]` (default 3) node:http webhook receivers on loopback ports: each reads the delivery, answers 204, and
 * records how long after the event's `timestamp` it arrived (wall clock in ms; the timestamp has ms precision, so
 * a latency reads up to 1 ms long, never short).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serveParent } from '../lib/child.js'
import { percentile } from '../lib/result.js'

/** What the receivers saw since the last reset. */
export interface ReceiverStats {
  deliveries: number
  latencyP50Ms: number
  latencyP99Ms: number
  latencyMaxMs: number
}

let latencies: number[] = []

function receiver(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const arrived = performance.timeOrigin + performance.now()
      const { timestamp } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { timestamp: string }
      latencies.push(arrived - Date.parse(timestamp))
      res.writeHead(204).end()
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

const servers = await Promise.all(Array.from({ length: Number(process.argv[2] ?? 3) }, receiver))
serveParent(
  { urls: servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/webhooks`) },
  (message) => {
    if (message === 'reset') {
      latencies = []
      return null
    }
    const stats: ReceiverStats =
      latencies.length === 0
        ? { deliveries: 0, latencyP50Ms: 0, latencyP99Ms: 0, latencyMaxMs: 0 }
        : {
            deliveries: latencies.length,
            latencyP50Ms: percentile(latencies, 50),
            latencyP99Ms: percentile(latencies, 99),
            latencyMaxMs: Math.max(...latencies),
          }
    return stats
  },
)
