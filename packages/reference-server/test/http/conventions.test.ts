import { openapi } from '@octopuspro/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { expectError, expectRoute, setup } from '../helpers/api.js'

let current: ReturnType<typeof setup>
function start(options?: Parameters<typeof setup>[0]) {
  current = setup(options)
  return current
}
afterEach(() => current?.close())

describe('authentication', () => {
  it('401 api_key_missing without a key', async () => {
    const { api } = start()
    expectError(await api('GET', '/v1/customers', { key: null }), {
      status: 401,
      type: 'authentication_error',
      code: 'api_key_missing',
      message: 'Authorization: Bearer',
    })
  })

  it('401 api_key_invalid for an unknown or malformed key, and for a non-Bearer Authorization', async () => {
    const { api } = start()
    expectError(await api('GET', '/v1/customers', { key: `opk_${'x'.repeat(40)}` }), {
      status: 401,
      type: 'authentication_error',
      code: 'api_key_invalid',
      message: 'not valid',
    })
    expectError(await api('GET', '/v1/customers', { key: 'hunter2' }), {
      status: 401,
      type: 'authentication_error',
      code: 'api_key_invalid',
    })
    expectError(await api('GET', '/v1/customers', { key: null, headers: { authorization: 'Basic abc' } }), {
      status: 401,
      type: 'authentication_error',
      code: 'api_key_invalid',
      message: 'not a Bearer token',
    })
  })

  it('accepts X-Api-Key as well as Bearer', async () => {
    const { api, server } = start()
    expectRoute(
      'customers.list',
      await api('GET', '/v1/customers', { key: null, headers: { 'x-api-key': server.apiKey } }),
    )
  })

  it('403 api_key_read_only on a write with a read_only key; reads work', async () => {
    const { api } = start()
    const key = expectRoute(
      'apiKeys.create',
      await api('POST', '/v1/api-keys', { body: { name: 'Warehouse sync', mode: 'read_only' } }),
    )
    expectRoute('customers.list', await api('GET', '/v1/customers', { key: key.secret }))
    const res = await api('POST', '/v1/customers', { key: key.secret, body: { name: 'Ada' } })
    expectError(res, { status: 403, type: 'permission_error', code: 'api_key_read_only', message: 'read_write key' })
    expect((await api('GET', '/v1/customers')).body.data).toEqual([])
  })
})

describe('routing', () => {
  it('404 route_not_found for an unknown path, inside and outside /v1', async () => {
    const { api } = start()
    expectError(await api('GET', '/v1/customerz'), {
      status: 404,
      type: 'not_found_error',
      code: 'route_not_found',
      message: 'GET /v1/customerz',
    })
    expectError(await api('GET', '/'), { status: 404, type: 'not_found_error', code: 'route_not_found' })
  })

  it('405 method_not_allowed with an Allow header for a known path', async () => {
    const { api } = start()
    const res = await api('DELETE', '/v1/payments/pay_1')
    expectError(res, { status: 405, type: 'invalid_request_error', code: 'method_not_allowed', message: 'use GET' })
    expect(res.headers.get('allow')).toBe('GET')
    expect((await api('PUT', '/v1/customers')).headers.get('allow')).toBe('GET, POST')
    expect((await api('DELETE', '/v1/appointments/apt_1')).headers.get('allow')).toBe('GET, PATCH')
  })

  it('404 resource_missing for an unknown id and for a malformed one', async () => {
    const { api } = start()
    expectError(await api('GET', '/v1/customers/cus_nothere'), {
      status: 404,
      type: 'not_found_error',
      code: 'resource_missing',
      param: 'id',
      message: "No customer with id 'cus_nothere'",
    })
    expectError(await api('GET', '/v1/customers/bkg_1'), {
      status: 404,
      type: 'not_found_error',
      code: 'resource_missing',
      param: 'id',
    })
    expectError(await api('GET', '/v1/integrations/myspace'), {
      status: 404,
      type: 'not_found_error',
      code: 'resource_missing',
      param: 'id',
      message: 'integration',
    })
  })

  it('serves /health and the contract OpenAPI document without a key', async () => {
    const { api } = start()
    const health = await api('GET', '/health', { key: null })
    expect([health.status, health.body]).toEqual([200, { status: 'ok' }])
    const doc = await api('GET', '/openapi.json', { key: null })
    expect(doc.status).toBe(200)
    expect(doc.body).toEqual(JSON.parse(JSON.stringify(openapi())))
  })

  it('puts a fresh x-request-id on every response', async () => {
    const { api } = start()
    const a = await api('GET', '/v1/customers')
    const b = await api('GET', '/health', { key: null })
    expect(a.headers.get('x-request-id')).toMatch(/^req_/)
    expect(b.headers.get('x-request-id')).toMatch(/^req_/)
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'))
  })

  it('stamps mounted handlers and unknown routes too, and logs one line per request', async () => {
    const lines: string[] = []
    let ids = 0
    const { api, server } = start({
      logger: (line) => lines.push(line),
      ids: (kind) => `${kind === 'api_key' ? 'key' : 'req'}_${++ids}`,
      mount: [{ path: '/hello', fetch: () => new Response('hello') }],
    })
    const page = await server.fetch(`${server.url}/hello`)
    const missing = await api('GET', '/v2/nothing', { key: null })
    const created = await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    expect([page.status, missing.status, created.status]).toEqual([200, 404, 201])
    expect([page, missing, created].map((res) => res.headers.get('x-request-id'))).toEqual(['req_2', 'req_3', 'req_4'])
    expect(lines.map((line) => line.replace(/ \d+ms /, ' …ms '))).toEqual([
      'GET /hello 200 …ms req_2',
      'GET /v2/nothing 404 …ms req_3',
      'POST /v1/customers 201 …ms req_4',
    ])
  })
})

describe('bodies', () => {
  it('400 invalid_json for a body that does not parse, changing nothing', async () => {
    const { api } = start()
    const res = await api('POST', '/v1/customers', {
      raw: '{"name": "Ada"',
      headers: { 'content-type': 'application/json' },
    })
    expectError(res, { status: 400, type: 'invalid_request_error', code: 'invalid_json', message: 'not valid JSON' })
    expect((await api('GET', '/v1/customers')).body.data).toHaveLength(0)
  })

  it('400 invalid_json for bytes that are not UTF-8', async () => {
    const { api } = start()
    const res = await api('POST', '/v1/customers', {
      raw: new Uint8Array([0x7b, 0xff, 0x7d]),
      headers: { 'content-type': 'application/json' },
    })
    expectError(res, { status: 400, type: 'invalid_request_error', code: 'invalid_json', message: 'UTF-8' })
  })

  it('415 unsupported_media_type for a form body', async () => {
    const { api } = start()
    const res = await api('POST', '/v1/customers', {
      raw: 'name=Ada',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expectError(res, {
      status: 415,
      type: 'invalid_request_error',
      code: 'unsupported_media_type',
      message: 'Content-Type: application/json',
    })
  })

  it('413 payload_too_large by Content-Length and by the bytes actually sent', async () => {
    const { api, server } = start()
    const big = JSON.stringify({ name: 'Ada', notes: 'x'.repeat(1024 * 1024) })
    expectError(await api('POST', '/v1/customers', { raw: big, headers: { 'content-type': 'application/json' } }), {
      status: 413,
      type: 'invalid_request_error',
      code: 'payload_too_large',
      message: '1 MiB',
    })
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 2 * 1024 * 1024) return controller.close()
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const init = {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    }
    const res = await server.fetch(new Request(`${server.baseUrl}/customers`, init as RequestInit))
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('payload_too_large')
    expect(sent).toBeLessThan(2 * 1024 * 1024)
  })

  it('treats an empty body as {} (actions need none) and a non-object body as invalid', async () => {
    const { api } = start()
    expectError(await api('POST', '/v1/customers', { raw: '' }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param: 'name',
      message: 'name is required',
    })
    expectError(await api('POST', '/v1/customers', { body: [1] }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      message: 'the body must be an object',
    })
  })

  it('400 unknown_parameter naming the misspelt field, with details', async () => {
    const { api } = start()
    const res = await api('POST', '/v1/customers', { body: { name: 'Ada', emial: 'ada@example.com' } })
    expectError(res, {
      status: 400,
      type: 'invalid_request_error',
      code: 'unknown_parameter',
      param: 'emial',
      message: "Unknown body parameter 'emial'",
    })
    expect(res.body.error.details).toEqual([{ path: 'emial', message: 'unknown parameter: emial' }])
  })

  it('400 parameter_missing / parameter_invalid with the field path and every problem in details', async () => {
    const { api } = start()
    expectError(await api('POST', '/v1/users', { body: { email: 'sam@example.com', role: 'fieldworker' } }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param: 'name',
      message: 'name is required',
    })
    const res = await api('POST', '/v1/customers', {
      body: { name: 'Ada', email: 'nope', address: { line1: '1 Main St', city: 'X', country: 'usa' } },
    })
    expectError(res, {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'email',
      message: 'email must be an e-mail address',
    })
    expect(res.body.error.details).toEqual([
      { path: 'email', message: 'must be an e-mail address such as ada@example.com' },
      { path: 'address.country', message: "must be an ISO 3166-1 alpha-2 code such as 'US'" },
    ])
  })
})

describe('query strings', () => {
  it('400 for an unknown filter, a bad limit and a bad cursor', async () => {
    const { api } = start()
    expectError(await api('GET', '/v1/customers?colour=red'), {
      status: 400,
      type: 'invalid_request_error',
      code: 'unknown_parameter',
      param: 'colour',
    })
    expectError(await api('GET', '/v1/customers?limit=0'), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'limit',
      message: 'from 1 to 100',
    })
    expectError(await api('GET', '/v1/customers?limit=101'), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'limit',
    })
    expectError(await api('GET', '/v1/customers?starting_after=nope'), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'starting_after',
    })
    expectError(await api('GET', '/v1/customers?created_after=yesterday'), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'created_after',
    })
  })

  it('400 unknown_parameter for a query on a route that takes none', async () => {
    const { api } = start()
    expectError(await api('GET', '/v1/account?expand=plan'), {
      status: 400,
      type: 'invalid_request_error',
      code: 'unknown_parameter',
      param: 'expand',
      message: 'takes no query parameters',
    })
  })
})

describe('internal errors', () => {
  it('maps an unexpected failure to 500 internal_error in the error shape, logged with its request id', async () => {
    const lines: string[] = []
    let ids = 0
    const { api } = start({
      logger: (line) => lines.push(line),
      ids: (kind) => {
        if (kind === 'customer') throw new Error('id source exhausted')
        return `${kind === 'api_key' ? 'key' : 'req'}_${++ids}`
      },
    })
    const res = await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    expectError(res, { status: 500, type: 'api_error', code: 'internal_error', message: 'id source exhausted' })
    expect(lines.some((line) => line.startsWith(`internal error ${res.headers.get('x-request-id')}`))).toBe(true)
  })
})
