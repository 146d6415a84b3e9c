import { describe, expect, it } from 'vitest'
import {
  APIConnectionError,
  type APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  isAPIError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
} from '../../src/index.js'
import { aBooking } from '../helpers/fixtures.js'
import { clientOf, doors, openServer, useServer } from '../helpers/server.js'

/** The error a call rejects with, checked to carry the request id of the error body. */
async function apiErrorOf(call: PromiseLike<unknown>): Promise<APIError> {
  const error = await Promise.resolve(call).then(
    () => {
      throw new Error('expected the call to fail')
    },
    (e: unknown) => e,
  )
  expect(isAPIError(error)).toBe(true)
  const apiError = error as APIError
  expect(apiError.requestId).toMatch(/^req_/)
  return apiError
}

describe.each(doors)('each error class from a real server response (%s)', (door) => {
  const ctx = useServer(door)
  const noRetry = () => clientOf(ctx.server, door, { maxRetries: 0 })

  it('400 BadRequestError names the unknown parameter', async () => {
    const error = await apiErrorOf(ctx.op.customers.create({ name: 'Ada', nmae: 'Ada' } as { name: string }))
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code: 'unknown_parameter',
      param: 'nmae',
    })
  })

  it('400 BadRequestError lists the invalid fields in details', async () => {
    const error = await apiErrorOf(ctx.op.customers.create({ name: '', email: 'not-an-email' }))
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.details?.map((d) => d.path).sort()).toEqual(['email', 'name'])
  })

  it('401 AuthenticationError for an unknown key', async () => {
    const error = await apiErrorOf(
      clientOf(ctx.server, door, { apiKey: 'opk_0000000000000000000000000000000000000000' }).account.get(),
    )
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error).toMatchObject({ status: 401, type: 'authentication_error', code: 'api_key_invalid' })
  })

  it('403 PermissionDeniedError for a plan the account lacks', async () => {
    const error = await apiErrorOf(ctx.op.integrations.connect('google_maps', { credentials: { api_key: 'k' } }))
    expect(error).toBeInstanceOf(PermissionDeniedError)
    expect(error).toMatchObject({ status: 403, type: 'permission_error', code: 'plan_required' })
  })

  it('404 NotFoundError names the id', async () => {
    const error = await apiErrorOf(ctx.op.customers.get('cus_doesnotexist'))
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error).toMatchObject({ status: 404, type: 'not_found_error', code: 'resource_missing' })
    expect(error.headers.get('x-request-id')).toBe(error.requestId)
    expect(error.message).toContain('cus_doesnotexist')
  })

  it('409 ConflictError for a customer still in use, and for a reused idempotency key', async () => {
    const booking = await aBooking(ctx.op)
    const inUse = await apiErrorOf(ctx.op.customers.delete(booking.customer_id))
    expect(inUse).toBeInstanceOf(ConflictError)
    expect(inUse).toMatchObject({ status: 409, code: 'resource_in_use' })

    await ctx.op.customers.create({ name: 'Ada' }, { idempotencyKey: 'import-row-7' })
    const reused = await apiErrorOf(ctx.op.customers.create({ name: 'Grace' }, { idempotencyKey: 'import-row-7' }))
    expect(reused).toBeInstanceOf(ConflictError)
    expect(reused.code).toBe('idempotency_key_reused')
  })

  it('413 PayloadTooLargeError for a body over 1 MiB', { timeout: 5_000 }, async () => {
    const error = await apiErrorOf(ctx.op.customers.create({ name: 'Ada', notes: 'x'.repeat(1_100_000) }))
    expect(error).toBeInstanceOf(PayloadTooLargeError)
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large' })
  })

  it('415 UnsupportedMediaTypeError when the body is not sent as JSON', async () => {
    const error = await apiErrorOf(
      ctx.op.customers.create({ name: 'Ada' }, { headers: { 'content-type': 'text/plain' } }),
    )
    expect(error).toBeInstanceOf(UnsupportedMediaTypeError)
    expect(error).toMatchObject({ status: 415, code: 'unsupported_media_type' })
  })

  it('422 UnprocessableEntityError for a reference to nothing', async () => {
    const error = await apiErrorOf(
      ctx.op.bookings.create({
        customer_id: 'cus_nobody',
        service: 'Clean',
        scheduled_start: '2026-12-01T09:00:00.000Z',
        scheduled_end: '2026-12-01T10:00:00.000Z',
      }),
    )
    expect(error).toBeInstanceOf(UnprocessableEntityError)
    expect(error).toMatchObject({ status: 422, code: 'reference_invalid', param: 'customer_id' })
  })

  it('500 InternalServerError once retries are used up', async () => {
    ctx.server.faults.add({ match: 'GET /v1/account', status: 500 })
    const error = await apiErrorOf(noRetry().account.get())
    expect(error).toBeInstanceOf(InternalServerError)
    expect(error).toMatchObject({ status: 500, type: 'api_error', code: 'injected_fault' })
  })

  it('APITimeoutError when the server is slower than the timeout', async () => {
    ctx.server.faults.add({ match: 'GET /v1/account', latencyMs: 300, times: 1 })
    const error = await clientOf(ctx.server, door, { maxRetries: 0, timeout: 30 })
      .account.get()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(APITimeoutError)
    expect(error).toMatchObject({ code: 'timeout', timeout: 30 })
  })

  it('APIUserAbortError when the caller aborts a slow call', async () => {
    ctx.server.faults.add({ match: 'GET /v1/account', latencyMs: 300, times: 1 })
    const controller = new AbortController()
    const call = ctx.op.account.get({ signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError)
  })
})

describe('RateLimitError from the token bucket', () => {
  it('carries Retry-After and the rate-limit headers', async () => {
    const server = await openServer('in-process', { rateLimit: { limit: 2, windowMs: 60_000 } })
    const op = clientOf(server, 'in-process', { maxRetries: 0 })
    await op.account.get()
    await op.account.get()
    const error = await apiErrorOf(op.account.get())
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error).toMatchObject({ status: 429, type: 'rate_limit_error', code: 'rate_limited' })
    expect(Number(error.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(error.headers.get('x-ratelimit-limit')).toBe('2')
    expect(error.headers.get('x-ratelimit-remaining')).toBe('0')
    await server.close()
  })
})

describe('APIConnectionError over a real port', () => {
  it('when nothing listens any more', async () => {
    const server = await openServer('real port')
    const op = clientOf(server, 'real port', { maxRetries: 0 })
    await server.close()
    const error = await op.account.get().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(APIConnectionError)
    expect(error).not.toBeInstanceOf(APITimeoutError)
    expect(error).toMatchObject({ code: 'connection_error' })
    expect((error as Error).message).toMatch(/^Could not reach the OctopusPro API \(fetch failed\); check baseUrl/)
  })
})
