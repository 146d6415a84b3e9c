import { runInNewContext } from 'node:vm'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  type APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  isAPIConnectionError,
  isAPIError,
  isAPITimeoutError,
  isAPIUserAbortError,
  isOctopusProError,
  isResponseValidationError,
  NotFoundError,
  OctopusProError,
  ResponseValidationError,
} from '../../src/index.js'

/** An error made in another realm (another copy of the package): `instanceof` fails there, the name does not. */
function foreign(name: string, fields: Record<string, unknown> = {}): unknown {
  return runInNewContext(`Object.assign(new Error('x'), { name: ${JSON.stringify(name)} }, fields)`, { fields })
}

describe('type guards', () => {
  it('recognise instances of this realm', () => {
    const notFound = APIError.generate(404, undefined)
    expect(isAPIError(notFound)).toBe(true)
    expect(isOctopusProError(notFound)).toBe(true)
    expect(isAPIConnectionError(notFound)).toBe(false)
    const timeout = new APITimeoutError(5)
    expect(isAPITimeoutError(timeout)).toBe(true)
    expect(isAPIConnectionError(timeout)).toBe(true)
    expect(isAPIError(timeout)).toBe(false)
    expect(isAPIUserAbortError(new APIUserAbortError())).toBe(true)
    const invalid = new ResponseValidationError({
      method: 'GET',
      path: '/x',
      status: 200,
      requestId: undefined,
      issues: [],
    })
    expect(isResponseValidationError(invalid)).toBe(true)
    expect(isOctopusProError(new OctopusProError('c', 'm'))).toBe(true)
  })

  it('recognise errors of another realm by name', () => {
    const error = foreign('NotFoundError', { status: 404 })
    expect(error instanceof Error).toBe(false)
    expect(error instanceof NotFoundError).toBe(false)
    expect(isAPIError(error)).toBe(true)
    expect(isOctopusProError(error)).toBe(true)
    expect(isAPIConnectionError(foreign('APITimeoutError'))).toBe(true)
    expect(isAPITimeoutError(foreign('APITimeoutError'))).toBe(true)
    expect(isAPIUserAbortError(foreign('APIUserAbortError'))).toBe(true)
    expect(isResponseValidationError(foreign('ResponseValidationError'))).toBe(true)
  })

  it('reject other values', () => {
    for (const value of [
      new Error('x'),
      new TypeError('fetch failed'),
      foreign('Error'),
      null,
      undefined,
      'APIError',
      { name: 1 },
    ]) {
      expect(isOctopusProError(value)).toBe(false)
      expect(isAPIError(value)).toBe(false)
    }
  })

  it('narrow the type', () => {
    const error: unknown = APIError.generate(409, undefined)
    if (isAPIError(error)) {
      expectTypeOf(error).toEqualTypeOf<APIError>()
      expectTypeOf(error.status).toEqualTypeOf<number>()
      expectTypeOf(error.code).toEqualTypeOf<string>()
      expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>()
    }
    if (isAPIConnectionError(error)) expectTypeOf(error).toEqualTypeOf<APIConnectionError>()
    if (error instanceof NotFoundError) expectTypeOf(error.status).toEqualTypeOf<404>()
    if (isAPITimeoutError(error)) expectTypeOf(error.timeout).toEqualTypeOf<number>()
    if (isResponseValidationError(error))
      expectTypeOf(error.details).toEqualTypeOf<{ path: string; message: string }[]>()
    expect(isAPIError(error)).toBe(true)
  })
})
