import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  BadRequestError,
  type ClientOptions,
  ConflictError,
  InternalServerError,
  type LogFields,
  OctopusPro,
  ResponseValidationError,
} from '../../src/index.js'
import { apiKey, baseUrl, customer, fail, ok, stubFetch } from '../helpers/stub-fetch.js'

afterEach(() => {
  vi.restoreAllMocks()
})

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

function client(answer: Parameters<typeof stubFetch>[0], options: ClientOptions = {}) {
  const stub = stubFetch(answer)
  return { op: new OctopusPro({ apiKey, baseUrl, fetch: stub.fetch, ...options }), seen: stub.seen }
}

describe('requests', () => {
  it('sends the key, JSON and the route of the table', async () => {
    const { op, seen } = client(() => ok(customer, 201))
    const created = await op.customers.create({ name: 'Ada Lovelace', tags: ['vip'] })
    expect(created).toEqual(customer)
    expect(seen).toHaveLength(1)
    const [request] = seen
    expect(request!.method).toBe('POST')
    expect(request!.url.href).toBe(`${baseUrl}/customers`)
    expect(request!.headers.get('authorization')).toBe(`Bearer ${apiKey}`)
    expect(request!.headers.get('accept')).toBe('application/json')
    expect(request!.headers.get('content-type')).toBe('application/json')
    expect(JSON.parse(request!.body)).toEqual({ name: 'Ada Lovelace', tags: ['vip'] })
  })

  it('puts the query in the URL: numbers and booleans as text, undefined left out', async () => {
    const { op, seen } = client(() => ok({ object: 'list', data: [], has_more: false, next_cursor: null }))
    await op.users.list({ role: 'fieldworker', active: false, limit: 5, starting_after: undefined })
    expect(seen[0]!.method).toBe('GET')
    expect(seen[0]!.url.pathname).toBe('/v1/users')
    expect(Object.fromEntries(seen[0]!.url.searchParams)).toEqual({ role: 'fieldworker', active: 'false', limit: '5' })
    expect(seen[0]!.body).toBe('')
    expect(seen[0]!.headers.has('idempotency-key')).toBe(false)
  })

  it('encodes ids into one path segment', async () => {
    const { op, seen } = client(() => ok(customer))
    await op.customers.get('cus_1/../../api-keys')
    expect(seen[0]!.url.pathname).toBe('/v1/customers/cus_1%2F..%2F..%2Fapi-keys')
    await expect(op.customers.get('..')).rejects.toMatchObject({ code: 'invalid_path_parameter' })
    expect(seen).toHaveLength(1)
  })

  it('merges per-call headers', async () => {
    const { op, seen } = client(() => ok(customer))
    await op.customers.get('cus_1', { headers: { 'x-trace-id': 't-1' } })
    expect(seen[0]!.headers.get('x-trace-id')).toBe('t-1')
  })

  it('withResponse gives the data, the response and the request id', async () => {
    const { op } = client(() => ok(customer, 200, { 'x-request-id': 'req_123', 'x-ratelimit-remaining': '7' }))
    const { data, response, requestId } = await op.customers.get('cus_1').withResponse()
    expect(data).toEqual(customer)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-ratelimit-remaining')).toBe('7')
    expect(requestId).toBe('req_123')
  })

  it('uses the global fetch of the moment when none is given (so msw and polyfills apply)', async () => {
    const stub = stubFetch(() => ok(customer))
    const op = new OctopusPro({ apiKey, baseUrl })
    vi.stubGlobal('fetch', stub.fetch)
    try {
      await op.customers.get('cus_1')
    } finally {
      vi.unstubAllGlobals()
    }
    expect(stub.seen).toHaveLength(1)
  })
})

describe('idempotency keys', () => {
  it('sends one generated key on every POST and reuses it on each retry', async () => {
    const { op, seen } = client(
      (_, n) => (n < 3 ? fail('internal_error', { 'retry-after': '0' }) : ok(customer, 201)),
      { maxRetries: 2 },
    )
    await op.customers.create({ name: 'Ada' })
    expect(seen).toHaveLength(3)
    const keys = seen.map((r) => r.headers.get('idempotency-key'))
    expect(keys[0]).toMatch(uuid)
    expect(new Set(keys).size).toBe(1)
  })

  it('uses a new key for each call, and the one the caller passes', async () => {
    const { op, seen } = client(() => ok(customer, 201))
    await op.customers.create({ name: 'Ada' })
    await op.customers.create({ name: 'Ada' })
    await op.customers.create({ name: 'Ada' }, { idempotencyKey: 'order-42' })
    const keys = seen.map((r) => r.headers.get('idempotency-key'))
    expect(keys[0]).not.toBe(keys[1])
    expect(keys[2]).toBe('order-42')
  })

  it('sends no key on GET, PATCH or DELETE unless asked', async () => {
    const { op, seen } = client((request) =>
      ok(request.method === 'DELETE' ? { id: 'cus_1', object: 'customer', deleted: true } : customer),
    )
    await op.customers.get('cus_1')
    await op.customers.update('cus_1', { name: 'Ada' })
    await op.customers.delete('cus_1')
    expect(seen.map((r) => r.headers.get('idempotency-key'))).toEqual([null, null, null])
  })
})

describe('retries', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    vi.spyOn(Math, 'random').mockReturnValue(0)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  /** Lets every pending promise settle without moving the clock. */
  const settle = () => vi.advanceTimersByTimeAsync(0)

  it('backs off 0.5 s then 1 s between attempts', async () => {
    const { op, seen } = client((_, n) => (n < 3 ? fail('internal_error') : ok(customer)))
    const call = op.customers.get('cus_1')
    await settle()
    expect(seen).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(499)
    expect(seen).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(seen).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(999)
    expect(seen).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(seen).toHaveLength(3)
    await expect(call).resolves.toEqual(customer)
  })

  it('waits exactly Retry-After on a 429, capped at 60 s', async () => {
    const { op, seen } = client((_, n) =>
      n === 1
        ? fail('rate_limited', { 'retry-after': '3' })
        : n === 2
          ? fail('rate_limited', { 'retry-after': '7200' })
          : ok(customer),
    )
    const call = op.customers.get('cus_1')
    await vi.advanceTimersByTimeAsync(2_999)
    expect(seen).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(seen).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(59_999)
    expect(seen).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(seen).toHaveLength(3)
    await expect(call).resolves.toEqual(customer)
  })

  it('gives up after maxRetries and throws the last error', async () => {
    const { op, seen } = client(() => fail('internal_error'))
    const call = op.customers.get('cus_1')
    const outcome = expect(call).rejects.toBeInstanceOf(InternalServerError)
    await vi.advanceTimersByTimeAsync(10_000)
    await outcome
    expect(seen).toHaveLength(3)
  })

  it('honours maxRetries per client and per call', async () => {
    const none = client(() => fail('internal_error'), { maxRetries: 0 })
    await expect(none.op.customers.get('cus_1')).rejects.toBeInstanceOf(InternalServerError)
    expect(none.seen).toHaveLength(1)

    const five = client(() => fail('internal_error'))
    const call = five.op.customers.get('cus_1', { maxRetries: 5 })
    const outcome = expect(call).rejects.toBeInstanceOf(InternalServerError)
    await vi.advanceTimersByTimeAsync(60_000)
    await outcome
    expect(five.seen).toHaveLength(6)
  })

  it.each([
    ['parameter_invalid', BadRequestError],
    ['idempotency_key_reused', ConflictError],
    ['invalid_state_transition', ConflictError],
  ] as const)('does not retry %s', async (code, ErrorClass) => {
    const { op, seen } = client(() => fail(code))
    await expect(op.customers.get('cus_1')).rejects.toBeInstanceOf(ErrorClass)
    expect(seen).toHaveLength(1)
  })

  it('retries 409 idempotency_key_in_use and 408', async () => {
    const { op, seen } = client((_, n) =>
      n === 1 ? fail('idempotency_key_in_use') : n === 2 ? new Response('', { status: 408 }) : ok(customer, 201),
    )
    const call = op.customers.create({ name: 'Ada' })
    await vi.advanceTimersByTimeAsync(1_500)
    await expect(call).resolves.toEqual(customer)
    expect(seen).toHaveLength(3)
  })

  it('retries connection errors and keeps the cause', async () => {
    const cause = new TypeError('fetch failed')
    const flaky = client((_, n) => (n === 1 ? Promise.reject(cause) : ok(customer)))
    const call = flaky.op.customers.get('cus_1')
    await vi.advanceTimersByTimeAsync(500)
    await expect(call).resolves.toEqual(customer)

    const down = client(() => Promise.reject(cause), { maxRetries: 0 })
    const error = await down.op.customers.get('cus_1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(APIConnectionError)
    expect((error as APIConnectionError).code).toBe('connection_error')
    expect((error as APIConnectionError).cause).toBe(cause)
    expect((error as Error).message).toContain('fetch failed')
  })

  it('times out an attempt that hangs, then retries it', async () => {
    const { op, seen } = client((_, n) => (n === 1 ? new Promise<Response>(() => {}) : ok(customer)), { timeout: 100 })
    const call = op.customers.get('cus_1')
    await vi.advanceTimersByTimeAsync(100)
    expect(seen).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(500)
    expect(seen).toHaveLength(2)
    await expect(call).resolves.toEqual(customer)
  })

  it('throws APITimeoutError when every attempt times out; the per-call timeout wins', async () => {
    const { op, seen } = client(() => new Promise<Response>(() => {}), { timeout: 60_000, maxRetries: 1 })
    const call = op.customers.get('cus_1', { timeout: 50 })
    const outcome = expect(call).rejects.toSatisfy(
      (e) => e instanceof APITimeoutError && e.timeout === 50 && e.code === 'timeout',
    )
    await vi.advanceTimersByTimeAsync(50 + 500 + 50)
    await outcome
    expect(seen).toHaveLength(2)
  })

  it('times out a body that stops half-way', async () => {
    const stalled = () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"id":')) }), { status: 200 })
    const { op } = client(stalled, { timeout: 100, maxRetries: 0 })
    const outcome = expect(op.customers.get('cus_1')).rejects.toBeInstanceOf(APITimeoutError)
    await vi.advanceTimersByTimeAsync(100)
    await outcome
  })
})

describe('abort', () => {
  it('rejects at once when the signal is already aborted, sending nothing', async () => {
    const { op, seen } = client(() => ok(customer))
    await expect(op.customers.get('cus_1', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(APIUserAbortError)
    expect(seen).toHaveLength(0)
  })

  it('rejects mid-request even when fetch ignores the signal', async () => {
    const { op } = client(() => new Promise<Response>(() => {}))
    const controller = new AbortController()
    const call = op.customers.get('cus_1', { signal: controller.signal })
    controller.abort(new Error('user left'))
    const error = await call.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(APIUserAbortError)
    expect((error as APIUserAbortError).code).toBe('aborted')
    expect((error as APIUserAbortError).cause).toEqual(new Error('user left'))
  })

  it('passes a signal to fetch that aborts with the call', async () => {
    let fetchSignal: AbortSignal | undefined
    const op = new OctopusPro({
      apiKey,
      baseUrl,
      fetch: (_request, init) => {
        fetchSignal = init?.signal ?? undefined
        return new Promise<Response>(() => {})
      },
    })
    const controller = new AbortController()
    const call = op.customers.get('cus_1', { signal: controller.signal })
    await vi.waitFor(() => expect(fetchSignal).toBeDefined())
    expect(fetchSignal!.aborted).toBe(false)
    controller.abort()
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError)
    expect(fetchSignal!.aborted).toBe(true)
  })

  it('stops waiting between retries when aborted, with no further attempt', async () => {
    const { op, seen } = client(() => fail('internal_error'))
    const controller = new AbortController()
    const call = op.customers.get('cus_1', { signal: controller.signal })
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    controller.abort()
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError)
    expect(seen).toHaveLength(1)
  })
})

describe('response validation', () => {
  it('throws ResponseValidationError with the issues and the path when a response breaks the contract', async () => {
    const { op } = client(() =>
      ok({ ...customer, email: 42, created_at: 'yesterday' }, 200, { 'x-request-id': 'req_bad' }),
    )
    const error = (await op.customers.get('cus_1').catch((e: unknown) => e)) as ResponseValidationError
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(error.code).toBe('response_invalid')
    expect(error.method).toBe('GET')
    expect(error.path).toBe('/customers/cus_1')
    expect(error.status).toBe(200)
    expect(error.requestId).toBe('req_bad')
    expect(error.issues.map((issue) => issue.path)).toEqual([['email'], ['created_at']])
    expect(error.details.map((detail) => detail.path)).toEqual(['email', 'created_at'])
    expect(error.message).toMatch(
      new RegExp(
        /^GET \/customers\/cus_1 answered 200 with a body that does not match the contract /.source +
          /\(email .*; created_at .*\); update @octopuspro\/client, or pass validateResponses: false/.source,
      ),
    )
  })

  it('is not retried', async () => {
    const { op, seen } = client(() => ok({ nope: true }))
    await expect(op.customers.get('cus_1')).rejects.toBeInstanceOf(ResponseValidationError)
    expect(seen).toHaveLength(1)
  })

  it('rejects a body that is not JSON', async () => {
    const { op } = client(() => new Response('<html>', { status: 200 }))
    await expect(op.customers.get('cus_1')).rejects.toThrowError(/the body is not JSON/)
  })

  it('drops fields the contract does not know (forward compatibility)', async () => {
    const { op } = client(() => ok({ ...customer, loyalty_tier: 'gold' }))
    expect(await op.customers.get('cus_1')).toEqual(customer)
  })

  it('can be turned off', async () => {
    const broken = { ...customer, email: 42 }
    const { op } = client(() => ok(broken), { validateResponses: false })
    expect(await op.customers.get('cus_1')).toEqual(broken)
  })
})

describe('hooks', () => {
  it('calls beforeRequest, afterResponse and onRetry with one state object each', async () => {
    const events: string[] = []
    const { op, seen } = client(
      (_, n) =>
        n === 1
          ? fail('idempotency_key_in_use', { 'retry-after': '0' })
          : ok(customer, 201, { 'x-request-id': 'req_2' }),
      {
        hooks: {
          beforeRequest: [
            ({ request, method, path, attempt }) => {
              events.push(`before ${method} ${path} ${attempt}`)
              request.headers.set('x-hooked', String(attempt))
            },
          ],
          afterResponse: [
            async ({ response, attempt, durationMs, requestId }) => {
              events.push(`after ${response.status} ${attempt} ${requestId}`)
              expect(durationMs).toBeGreaterThanOrEqual(0)
              expect((await response.json()) as object).toBeTypeOf('object')
            },
          ],
          onRetry: [
            ({ error, attempt, delayMs, retriesLeft }) =>
              void events.push(`retry ${error.code} ${attempt} ${delayMs} ${retriesLeft}`),
          ],
        },
      },
    )
    const created = await op.customers.create({ name: 'Ada' })
    expect(created).toEqual(customer)
    expect(events).toEqual([
      'before POST /customers 1',
      'after 409 1 req_err',
      'retry idempotency_key_in_use 1 0 1',
      'before POST /customers 2',
      'after 201 2 req_2',
    ])
    expect(seen.map((r) => r.headers.get('x-hooked'))).toEqual(['1', '2'])
  })

  it('fails the call with the error a hook throws, without retrying', async () => {
    const oops = new Error('hook failed')
    const { op, seen } = client(() => ok(customer), { hooks: { beforeRequest: [() => Promise.reject(oops)] } })
    await expect(op.customers.get('cus_1')).rejects.toBe(oops)
    expect(seen).toHaveLength(0)
  })
})

describe('logger', () => {
  it('logs one line per attempt with method, path, status, ms, request id and attempt', async () => {
    const lines: Array<[string, string, LogFields]> = []
    const logger = {
      debug: (message: string, fields: LogFields) => lines.push(['debug', message, fields]),
      info: (message: string, fields: LogFields) => lines.push(['info', message, fields]),
      warn: (message: string, fields: LogFields) => lines.push(['warn', message, fields]),
      error: (message: string, fields: LogFields) => lines.push(['error', message, fields]),
    }
    const { op } = client(
      (_, n) =>
        n === 1
          ? fail('rate_limited', { 'retry-after': '0' })
          : n === 2
            ? ok(customer, 200, { 'x-request-id': 'req_2' })
            : fail('resource_missing'),
      { logger },
    )
    await op.customers.get('cus_1')
    await op.customers.get('cus_2').catch(() => undefined)
    const masked = lines.map(([level, message]) => [level, message.replace(/ \d+ms/, ' Nms')])
    expect(masked).toEqual([
      ['debug', 'GET /customers/cus_1 (attempt 1)'],
      ['warn', 'GET /customers/cus_1 429 Nms req_err (attempt 1): retrying in 0ms'],
      ['debug', 'GET /customers/cus_1 (attempt 2)'],
      ['info', 'GET /customers/cus_1 200 Nms req_2 (attempt 2)'],
      ['debug', 'GET /customers/cus_2 (attempt 1)'],
      [
        'error',
        'GET /customers/cus_2 404 Nms req_err (attempt 1): NotFoundError: 404 resource_missing: message of ' +
          'resource_missing',
      ],
    ])
    expect(lines[3]![2]).toEqual({
      method: 'GET',
      path: '/customers/cus_1',
      attempt: 2,
      status: 200,
      durationMs: expect.any(Number),
      requestId: 'req_2',
    })
    expect(lines[1]![2]).toMatchObject({ status: 429, errorCode: 'rate_limited', delayMs: 0 })
  })

  it('accepts a logger with only some levels', async () => {
    const warn = vi.fn()
    const { op } = client(() => ok(customer), { logger: { warn } })
    await op.customers.get('cus_1')
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('the API key never leaks', () => {
  it('is cut out of an error message that would contain it', async () => {
    const { op } = client(() => fail('api_key_invalid', {}, `API key ${apiKey} is not valid`), { maxRetries: 0 })
    const error = (await op.customers.get('cus_1').catch((e: unknown) => e)) as Error
    expect(error.message).toBe('401 api_key_invalid: API key [redacted API key] is not valid')
  })

  it('appears in no log line, message or field, whatever happens', async () => {
    const logged: unknown[] = []
    const logger = {
      debug: (...args: unknown[]) => logged.push(args),
      info: (...args: unknown[]) => logged.push(args),
      warn: (...args: unknown[]) => logged.push(args),
      error: (...args: unknown[]) => logged.push(args),
    }
    const cause = new TypeError('fetch failed')
    const { op } = client(
      (_, n) =>
        n === 1
          ? Promise.reject(cause)
          : n === 2
            ? fail('internal_error', { 'retry-after': '0' })
            : fail('api_key_revoked'),
      { logger, maxRetries: 2 },
    )
    vi.spyOn(Math, 'random').mockReturnValue(1)
    const error = await op.customers.get('cus_1').catch((e: unknown) => e)
    expect(logged.length).toBeGreaterThanOrEqual(5)
    expect(JSON.stringify(logged)).not.toContain(apiKey)
    expect(JSON.stringify(logged)).not.toContain('TESTsecret')
    const { inspect } = await import('node:util')
    expect(inspect(error, { depth: 10 })).not.toContain('TESTsecret')
  }, 10_000)
})
