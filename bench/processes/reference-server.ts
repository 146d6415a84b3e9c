/** The reference server on a loopback port, seeded with `argv[2]` bench customers (default 1000). */
import { startReferenceServer } from '@octopuspro/reference-server'
import { serveParent } from '../lib/child.js'
import { benchCustomers } from '../lib/customers.js'

const customers = benchCustomers(Number(process.argv[2] ?? 1000))
const server = await startReferenceServer({ port: 0, seed: { customers } })

/** What the parent gets from this child. */
export interface ReferenceServerReady {
  url: string
  baseUrl: string
  apiKey: string
  customerIds: string[]
}

serveParent({
  url: server.url,
  baseUrl: server.baseUrl,
  apiKey: server.apiKey,
  customerIds: customers.slice(0, 100).map((c) => c.id),
} satisfies ReferenceServerReady)
