import { listRoutes, type RouteName } from '@octopuspro/contract'
import { expect } from 'vitest'
import { createReferenceServer, type ReferenceServer, type ReferenceServerOptions } from '../../src/index.js'

/** A response as the tests look at it: status, headers, the parsed JSON body and its raw text. */
export interface ApiResponse {
  status: number
  headers: Headers
  body: any
  text: string
}

export interface CallOptions {
  body?: unknown
  /** A raw body sent as is (for invalid JSON and size tests). */
  raw?: BodyInit
  headers?: Record<string, string>
  /** The API key to send (default the server's ready key); `null` sends none. */
  key?: string | null
}

/** Calls the server in process: `api('POST', '/v1/customers', { body })`. */
export function client(server: Pick<ReferenceServer, 'url' | 'apiKey' | 'fetch'>) {
  return async function api(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
    const key = options.key === undefined ? server.apiKey : options.key
    const headers: Record<string, string> = {
      ...(key !== null && { authorization: `Bearer ${key}` }),
      ...options.headers,
    }
    let body: BodyInit | undefined = options.raw
    if (options.body !== undefined) {
      body = JSON.stringify(options.body)
      headers['content-type'] ??= 'application/json'
    }
    const response = await server.fetch(new Request(`${server.url}${path}`, { method, headers, body }))
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text }
  }
}

/** A fresh in-process server and its caller; the test closes it with `close()`. */
export function setup(options: ReferenceServerOptions = {}) {
  const server = createReferenceServer(options)
  return { server, api: client(server), close: () => server.close() }
}

/** What an error response must be, exactly (`param` absent when not given; `message` is a substring). */
export interface ExpectedError {
  status: number
  type: string
  code: string
  param?: string
  message?: string
}

/**
 * Asserts a wire-contract error: status, type, code, param, a message that contains `message`, and the request id in
 * header and body.
 */
export function expectError(response: ApiResponse, expected: ExpectedError): void {
  expect({
    status: response.status,
    type: response.body?.error?.type,
    code: response.body?.error?.code,
    param: response.body?.error?.param,
  }).toEqual({
    status: expected.status,
    type: expected.type,
    code: expected.code,
    param: expected.param,
  })
  if (expected.message !== undefined) expect(response.body.error.message).toContain(expected.message)
  const requestId = response.headers.get('x-request-id')
  expect(requestId).toMatch(/^req_[0-9A-Za-z]+$/)
  expect(response.body.error.request_id).toBe(requestId)
}

const routesByName = new Map(listRoutes().map((route) => [route.name, route.definition]))

/** Asserts a success response of a route: its status, and a body that parses with the route's response schema. */
export function expectRoute(name: RouteName, response: ApiResponse): any {
  const route = routesByName.get(name)
  if (!route) throw new Error(`no route ${name}`)
  if (response.status !== route.status)
    throw new Error(`${name}: expected ${route.status}, got ${response.status}: ${response.text}`)
  const result = route.response.safeParse(response.body)
  if (!result.success)
    throw new Error(`${name}: the body does not match the contract: ${JSON.stringify(result.error.issues)}`)
  return response.body
}
