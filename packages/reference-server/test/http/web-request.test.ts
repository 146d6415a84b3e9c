import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createReferenceServer,
  manualClock,
  type ReferenceServer,
  type ReferenceServerOptions,
  startReferenceServer,
} from '../../src/index.js'

const servers: ReferenceServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const options = (): ReferenceServerOptions => ({
  ids: 'sequential',
  clock: manualClock('2026-11-27T10:00:00.000Z'),
  apiKey: `opk_${'a'.repeat(40)}`,
})

const create = (url: string) =>
  new Request(`${url}/v1/customers`, {
    method: 'POST',
    headers: { authorization: `Bearer opk_${'a'.repeat(40)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada Lovelace', email: 'ada@example.com' }),
  })

const ada =
  '{"id":"cus_0000000000000000000002","object":"customer","name":"Ada Lovelace","tags":[],' +
  '"email":"ada@example.com","phone":null,"company":null,"address":null,"notes":null,"metadata":{},' +
  '"created_at":"2026-11-27T10:00:00.000Z","updated_at":"2026-11-27T10:00:00.000Z"}'

describe("the server's core on web Request and Response alone", () => {
  it('creates a customer from a plain web Request, with an exact status and body', async () => {
    const server = createReferenceServer(options())
    servers.push(server)
    const response = await server.fetch(create(server.url))
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await response.text()).toBe(ada)
  })

  it('answers the same bytes on the port door, where the Node request is read instead', async () => {
    const inProcess = createReferenceServer(options())
    const onPort = await startReferenceServer(options())
    servers.push(inProcess, onPort)
    const [a, b] = await Promise.all([inProcess.fetch(create(inProcess.url)), fetch(create(onPort.url))])
    expect([a.status, b.status]).toEqual([201, 201])
    expect([await a.text(), await b.text()]).toEqual([ada, ada])
  })

  it('refuses an oversized web Request body with 413 and an exact error, changing nothing', async () => {
    const server = createReferenceServer(options())
    servers.push(server)
    const big = new Request(`${server.url}/v1/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }),
    })
    const response = await server.fetch(big)
    expect(response.status).toBe(413)
    expect((await response.json()).error).toEqual({
      type: 'invalid_request_error',
      code: 'payload_too_large',
      message: 'The request body is larger than 1048576 bytes (1 MiB); send less data per request',
      request_id: response.headers.get('x-request-id'),
    })
    const list = await server.fetch(`${server.baseUrl}/customers`, {
      headers: { authorization: `Bearer ${server.apiKey}` },
    })
    expect((await list.json()).data).toEqual([])
  })

  it('imports nothing from Node in the app, its HTTP layer and its handlers (the port door has that)', () => {
    const src = fileURLToPath(new URL('../../src/internal/', import.meta.url))
    const core = ['http', 'handlers', 'store'].flatMap((dir) =>
      readdirSync(join(src, dir)).map((file) => join(dir, file)),
    )
    const nodeSpecific = core.filter((file) =>
      /from '(node:|@hono\/node-server)|IncomingMessage|Buffer\./.test(readFileSync(join(src, file), 'utf8')),
    )
    expect(core.length).toBeGreaterThan(30)
    expect(nodeSpecific).toEqual([])
  })
})
