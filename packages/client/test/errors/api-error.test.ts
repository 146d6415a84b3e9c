import { type ErrorCode, errorCodes } from '@octopuspro/contract'
import { describe, expect, it } from 'vitest'
import { errorFromResponse } from '../../src/core/translate-error.js'
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  OctopusProError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
} from '../../src/index.js'

function errorResponse(code: ErrorCode, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const { status, type } = errorCodes[code]
  const body = { error: { type, code, message: `message of ${code}`, request_id: 'req_abc', ...extra } }
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

describe('APIError.generate via errorFromResponse', () => {
  it.each([
    ['parameter_invalid', BadRequestError, 400],
    ['api_key_invalid', AuthenticationError, 401],
    ['api_key_read_only', PermissionDeniedError, 403],
    ['resource_missing', NotFoundError, 404],
    ['method_not_allowed', APIError, 405],
    ['resource_in_use', ConflictError, 409],
    ['payload_too_large', PayloadTooLargeError, 413],
    ['unsupported_media_type', UnsupportedMediaTypeError, 415],
    ['reference_invalid', UnprocessableEntityError, 422],
    ['rate_limited', RateLimitError, 429],
    ['internal_error', InternalServerError, 500],
  ] as const)('%s → %s', async (code, ErrorClass, status) => {
    const error = await errorFromResponse(errorResponse(code))
    expect(error).toBeInstanceOf(ErrorClass)
    expect(error).toBeInstanceOf(APIError)
    expect(error).toBeInstanceOf(OctopusProError)
    expect(error.constructor).toBe(ErrorClass)
    const apiError = error as APIError
    expect(apiError.status).toBe(status)
    expect(apiError.code).toBe(code)
    expect(apiError.type).toBe(errorCodes[code].type)
    expect(apiError.requestId).toBe('req_abc')
    expect(apiError.message).toBe(`${status} ${code}: message of ${code}`)
    expect(apiError.name).toBe(ErrorClass.name)
  })

  it('maps every 5xx to InternalServerError', async () => {
    for (const status of [502, 503, 504, 599]) {
      const error = await errorFromResponse(new Response('{}', { status }))
      expect(error).toBeInstanceOf(InternalServerError)
      expect((error as APIError).status).toBe(status)
    }
  })

  it('keeps param, details and headers', async () => {
    const details = [{ path: 'email', message: 'must be an e-mail address' }]
    const error = (await errorFromResponse(
      errorResponse(
        'parameter_invalid',
        { param: 'email', details },
        { 'x-request-id': 'req_abc', 'x-ratelimit-remaining': '9' },
      ),
    )) as APIError
    expect(error.param).toBe('email')
    expect(error.details).toEqual(details)
    expect(error.headers.get('x-ratelimit-remaining')).toBe('9')
  })

  it('handles an answer that is not an OctopusPro error body (a proxy, a wrong baseUrl)', async () => {
    const error = (await errorFromResponse(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'x-request-id': 'req_proxy' } }),
    )) as APIError
    expect(error).toBeInstanceOf(InternalServerError)
    expect(error.code).toBe('http_502')
    expect(error.type).toBeUndefined()
    expect(error.requestId).toBe('req_proxy')
    expect(error.message).toMatch(/^502 status code with no OctopusPro error body; check that baseUrl/)

    const notFound = (await errorFromResponse(new Response('Not Found', { status: 404 }))) as APIError
    expect(notFound).toBeInstanceOf(NotFoundError)
    expect(notFound.code).toBe('http_404')
    expect(notFound.requestId).toBeUndefined()
  })

  it('treats a JSON body of the wrong shape like no body', async () => {
    const error = (await errorFromResponse(Response.json({ message: 'nope' }, { status: 400 }))) as APIError
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.code).toBe('http_400')
  })

  it('generate has a default for headers', () => {
    const error = APIError.generate(418, undefined)
    expect(error.constructor).toBe(APIError)
    expect(error.headers).toBeInstanceOf(Headers)
  })
})
