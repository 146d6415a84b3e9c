import { describe, expect, it } from 'vitest'
import { APITimeoutError, InternalServerError, RateLimitError, type RetryState } from '../../src/index.js'
import { clientOf, type Door, doors, useServer } from '../helpers/server.js'

/** A client of the server that records each retry and each attempt. */
function recordingClient(
  ctx: ReturnType<typeof useServer>,
  door: Door,
  options: { timeout?: number; maxRetries?: number } = {},
) {
  const retries: RetryState[] = []
  const attempts: number[] = []
  const op = clientOf(ctx.server, door, {
    ...options,
    hooks: {
      beforeRequest: [({ attempt }) => void attempts.push(attempt)],
      onRetry: [(state) => void retries.push(state)],
    },
  })
  return { op, retries, attempts }
}

describe('retries against the server with fault injection', () => {
  const ctx = useServer('in-process')

  it('gets through two 500s with the default 2 retries', async () => {
    ctx.server.faults.add({ match: 'GET /v1/account', status: 500, times: 2 })
    const { op, retries, attempts } = recordingClient(ctx, 'in-process')
    expect((await op.account.get()).object).toBe('account')
    expect(attempts).toEqual([1, 2, 3])
    expect(retries.map((r) => [r.attempt, r.error.code, r.retriesLeft])).toEqual([
      [1, 'injected_fault', 1],
      [2, 'injected_fault', 0],
    ])
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(375)
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(500)
    expect(retries[1]!.delayMs).toBeGreaterThanOrEqual(750)
    expect(retries[1]!.delayMs).toBeLessThanOrEqual(1_000)
  })

  it('gives up after maxRetries with the last error', async () => {
    ctx.server.faults.add({ match: 'GET /v1/account', status: 500 })
    const { op, attempts } = recordingClient(ctx, 'in-process', { maxRetries: 1 })
    const error = await op.account.get().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InternalServerError)
    expect(error).toMatchObject({ status: 500, code: 'injected_fault' })
    expect(attempts).toEqual([1, 2])
  })

  it("honours a 429's Retry-After", async () => {
    ctx.server.faults.add({ match: 'GET /v1/customers', status: 429, times: 1 })
    const { op, retries } = recordingClient(ctx, 'in-process')
    expect((await op.customers.list()).data).toEqual([])
    expect(retries).toHaveLength(1)
    expect(retries[0]!.error).toBeInstanceOf(RateLimitError)
    expect(retries[0]!.delayMs).toBe(1_000)
  })

  it('times out an attempt slower than the timeout, then succeeds on the retry', async () => {
    ctx.server.faults.add({ match: 'GET /v1/account', latencyMs: 400, times: 1 })
    const { op, retries, attempts } = recordingClient(ctx, 'in-process', { timeout: 100 })
    expect((await op.account.get()).object).toBe('account')
    expect(attempts).toEqual([1, 2])
    expect(retries[0]!.error).toBeInstanceOf(APITimeoutError)
  })
})

describe.each(doors)('idempotent creates under retry (%s)', (door) => {
  const ctx = useServer(door)

  it('a create whose response is lost is retried under the same Idempotency-Key: exactly one object', async () => {
    ctx.server.faults.add({ match: 'POST /v1/customers', status: 502, after: true, times: 1 })
    const { op, retries } = recordingClient(ctx, door)
    const { data: customer, response } = await op.customers.create({ name: 'Ada Lovelace' }).withResponse()
    expect(retries.map((r) => r.error.code)).toEqual(['injected_fault'])
    expect(response.status).toBe(201)
    expect(response.headers.get('idempotent-replayed')).toBe('true')
    expect(await ctx.op.customers.list().toArray({ limit: 10 })).toEqual([customer])
    expect(ctx.server.events.list().filter((event) => event.type === 'customer.created')).toHaveLength(1)
  })

  it('a create in flight (409 idempotency_key_in_use) is retried until its stored answer is replayed', async () => {
    ctx.server.faults.add({ match: 'POST /v1/customers', latencyMs: 300, times: 1 })
    const { op, retries } = recordingClient(ctx, door)
    // Whichever of the two claims the key first is slowed down; the other is told the key is in use.
    const [a, b] = await Promise.all([
      op.customers.create({ name: 'Ada' }, { idempotencyKey: 'signup-42' }),
      op.customers.create({ name: 'Ada' }, { idempotencyKey: 'signup-42' }),
    ])
    expect(b).toEqual(a)
    expect(retries.length).toBeGreaterThanOrEqual(1)
    expect(new Set(retries.map((r) => r.error.code))).toEqual(new Set(['idempotency_key_in_use']))
    expect(await ctx.op.customers.list().toArray({ limit: 10 })).toEqual([a])
  })
})
