import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, it } from 'vitest'
import { closedPort, trackedReceivers, until } from '../../reference-server/test/delivery/helpers.js'
import { type SpawnedServer, spawnServer } from './helpers/spawn-server.js'

const receiver = trackedReceivers()
let running: SpawnedServer[] = []
let dirs: string[] = []
afterEach(async () => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL')
  await Promise.all(running.map((server) => server.exited))
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  running = []
  dirs = []
})

async function start(dataDir: string, port: number): Promise<SpawnedServer> {
  const server = await spawnServer({ dataDir, port })
  running.push(server)
  return server
}

/** Calls a spawned server: the JSON body and the exact text. */
function caller(baseUrl: string, key: string) {
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, text, body: JSON.parse(text) }
  }
}

type Api = ReturnType<typeof caller>

/** The endpoint's only delivery once it is as `ready` wants, asking the server every 20 ms. */
async function deliveryOf(api: Api, endpointId: string, ready: (delivery: any) => boolean): Promise<any> {
  for (;;) {
    const [delivery] = (await api('GET', `/webhooks/${endpointId}/deliveries`)).body.data
    if (delivery && ready(delivery)) return delivery
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('a server on a data dir, killed with SIGKILL mid-run', () => {
  it('comes back with every object and key, and delivers the retry that was pending', async () => {
    const hooks = await receiver((_, index) => ({ status: index === 0 ? 500 : 200 }))
    const dataDir = mkdtempSync(join(tmpdir(), 'octopuspro-restart-'))
    dirs.push(dataDir)
    const port = await closedPort()
    const first = await start(dataDir, port)
    const api = caller(first.baseUrl, first.apiKey)

    const endpoint = await api('POST', '/webhooks', {
      name: 'Receiver',
      url: hooks.url,
      event_types: ['customer.created'],
    })
    expect(endpoint.status).toBe(201)
    const customer = await api('POST', '/customers', { name: 'Ada Lovelace', email: 'ada@example.com' })
    const user = await api('POST', '/users', { name: 'Sam Rivera', email: 'sam@example.com', role: 'fieldworker' })
    const key = await api('POST', '/api-keys', { name: 'CI', mode: 'read_only' })
    expect([customer.status, user.status, key.status]).toEqual([201, 201, 201])
    const paths = [
      `/customers/${customer.body.id}`,
      `/users/${user.body.id}`,
      `/api-keys/${key.body.id}`,
      `/webhooks/${endpoint.body.id}`,
    ]
    // The first attempt failed and the server recorded it: the retry is pending (due 5 s later).
    await until(() => hooks.requests.length === 1)
    const pending = await deliveryOf(api, endpoint.body.id, (delivery) => delivery.attempts.length === 1)
    expect(pending).toMatchObject({ status: 'pending', event_type: 'customer.created' })
    const before = await Promise.all(paths.map((path) => api('GET', path)))
    // Killed the moment this 201 arrives: what it created is on disk already.
    const last = await api('POST', '/users', { name: 'Chris Walker', email: 'chris@example.com', role: 'dispatcher' })
    expect(last.status).toBe(201)

    first.child.kill('SIGKILL')
    expect(await first.exited).toBe('SIGKILL')
    expect(hooks.requests).toHaveLength(1)

    const second = await start(dataDir, port)
    expect(second.apiKey).toBe(first.apiKey)
    const after = await Promise.all(paths.map((path) => api('GET', path)))
    expect(after.map(({ status, body }) => ({ status, body }))).toEqual(
      before.map(({ status, body }) => ({ status, body })),
    )
    expect(after[0]!.text).toBe(customer.text)
    expect((await api('GET', `/users/${last.body.id}`)).text).toBe(last.text)
    // The read_only key made before the kill still authenticates, and is still read_only.
    const readOnly = caller(second.baseUrl, key.body.secret)
    expect((await readOnly('GET', '/customers')).body.data).toEqual([customer.body])
    expect((await readOnly('POST', '/customers', { name: 'No' })).status).toBe(403)

    await until(() => hooks.requests.length === 2)
    const [failed, retried] = hooks.requests as [(typeof hooks.requests)[0], (typeof hooks.requests)[0]]
    expect(retried.body).toBe(failed.body)
    expect(retried.headers['webhook-id']).toBe(failed.headers['webhook-id'])
    const headers = Object.fromEntries(Object.entries(retried.headers).map(([name, value]) => [name, String(value)]))
    expect(new Webhook(endpoint.body.secret).verify(retried.body, headers)).toMatchObject({
      type: 'customer.created',
      data: customer.body,
    })
    const delivered = await deliveryOf(api, endpoint.body.id, (delivery) => delivery.status !== 'pending')
    expect(delivered).toMatchObject({ id: pending.id, status: 'succeeded', next_attempt_at: null })
    expect(delivered.attempts.map((attempt: { status_code: number }) => attempt.status_code)).toEqual([500, 200])
  }, 30_000)
})
