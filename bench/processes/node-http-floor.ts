/**
 * The floor of the server benches: the least node:http code that answers the same three routes with the same
 * data — bearer check, a Map lookup, a slice of the list, a parsed and stored create — and nothing else
 * (no validation, no events, no idempotency).
 */

import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serveParent } from '../lib/child.js'
import { benchCustomers } from '../lib/customers.js'

const apiKey = `opk_${'f'.repeat(40)}`
const customers = benchCustomers(Number(process.argv[2] ?? 1000))
const byId = new Map(customers.map((c) => [c.id, c as object]))
const prefix = '/v1/customers'

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) })
  res.end(json)
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
}

const server = createServer(async (req, res) => {
  if (req.headers.authorization !== `Bearer ${apiKey}`) return send(res, 401, { error: 'unauthorized' })
  const [path, query = ''] = (req.url ?? '').split('?')
  if (req.method === 'GET' && path === prefix) {
    const limit = Number(new URLSearchParams(query).get('limit') ?? 20)
    const data = customers.slice(0, limit)
    return send(res, 200, {
      object: 'list',
      data,
      has_more: customers.length > limit,
      next_cursor: data.at(-1)?.id ?? null,
    })
  }
  if (req.method === 'GET' && path?.startsWith(`${prefix}/`)) {
    const customer = byId.get(path.slice(prefix.length + 1))
    return customer ? send(res, 200, customer) : send(res, 404, { error: 'not found' })
  }
  if (req.method === 'POST' && path === prefix) {
    const now = new Date().toISOString()
    const customer = {
      ...(await readJson(req)),
      id: `cus_${randomUUID()}`,
      object: 'customer',
      created_at: now,
      updated_at: now,
    }
    byId.set(customer.id, customer)
    return send(res, 201, customer)
  }
  send(res, 404, { error: 'not found' })
})
server.listen(0, '127.0.0.1', () => {
  serveParent({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey })
})
