import { describe, expect, it } from 'vitest'
import { isRetryable, parseRetryAfter, retryDelay } from '../../src/core/retry.js'
import { APIConnectionError } from '../../src/errors/api-connection-error.js'
import { APIError } from '../../src/errors/api-error.js'
import { APITimeoutError } from '../../src/errors/api-timeout-error.js'
import { APIUserAbortError } from '../../src/errors/api-user-abort-error.js'
import { ResponseValidationError } from '../../src/errors/response-validation-error.js'

const apiError = (status: number, code = 'some_code') =>
  APIError.generate(status, { type: 'api_error', code, message: 'm', request_id: 'req_1' }, new Headers())

describe('isRetryable', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries status %i', (status) => {
    expect(isRetryable(apiError(status))).toBe(true)
  })

  it.each([400, 401, 403, 404, 413, 415, 422])('does not retry status %i', (status) => {
    expect(isRetryable(apiError(status))).toBe(false)
  })

  it('retries 409 only for idempotency_key_in_use', () => {
    expect(isRetryable(apiError(409, 'idempotency_key_in_use'))).toBe(true)
    expect(isRetryable(apiError(409, 'idempotency_key_reused'))).toBe(false)
    expect(isRetryable(apiError(409, 'invalid_state_transition'))).toBe(false)
  })

  it('retries connection errors and timeouts, never aborts or contract violations', () => {
    expect(isRetryable(new APIConnectionError({ cause: new TypeError('fetch failed') }))).toBe(true)
    expect(isRetryable(new APITimeoutError(10))).toBe(true)
    expect(isRetryable(new APIUserAbortError())).toBe(false)
    expect(
      isRetryable(
        new ResponseValidationError({ method: 'GET', path: '/x', status: 200, requestId: undefined, issues: [] }),
      ),
    ).toBe(false)
  })
})

describe('retryDelay', () => {
  it('doubles from 0.5 s to a cap of 8 s without jitter (random = 0)', () => {
    const delays = [1, 2, 3, 4, 5, 6, 10].map((retry) => retryDelay(retry, null, () => 0))
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000])
  })

  it('shortens by at most 25 % of jitter', () => {
    expect(retryDelay(1, null, () => 0.999999)).toBe(375)
    expect(retryDelay(5, null, () => 0.5)).toBe(7000)
    for (let i = 0; i < 200; i++) {
      const delay = retryDelay(3, null)
      expect(delay).toBeGreaterThanOrEqual(1500)
      expect(delay).toBeLessThanOrEqual(2000)
    }
  })

  it("uses the server's Retry-After instead of backoff, without jitter", () => {
    expect(retryDelay(1, '2', () => 0.9)).toBe(2000)
    expect(retryDelay(4, '0', () => 0.9)).toBe(0)
    expect(retryDelay(1, '0.25', () => 0.9)).toBe(250)
  })

  it('caps Retry-After at 60 s', () => {
    expect(retryDelay(1, '3600', () => 0)).toBe(60_000)
  })

  it('accepts an HTTP-date Retry-After', () => {
    const now = Date.parse('2026-11-27T10:00:00.000Z')
    expect(retryDelay(1, 'Fri, 27 Nov 2026 10:00:03 GMT', () => 0, now)).toBe(3000)
    expect(retryDelay(1, 'Fri, 27 Nov 2026 09:00:00 GMT', () => 0, now)).toBe(0)
  })

  it('falls back to backoff when Retry-After is unreadable', () => {
    expect(retryDelay(2, 'soon', () => 0)).toBe(1000)
    expect(retryDelay(2, '-5', () => 0)).toBe(1000)
    expect(retryDelay(2, '', () => 0)).toBe(1000)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and dates', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter('nonsense')).toBeUndefined()
  })
})
