import { type ErrorCode, errorCodes } from '@octopuspro/contract'
import { sampleObjects } from '@octopuspro/contract/samples'

/** What the stub saw of one request. */
export interface SeenRequest {
  method: string
  url: URL
  headers: Headers
  body: string
}

/**
 * A `fetch` double for unit tests of the client's core (the network is not ours): answers each request with
 * `answer(request, n)` (n = 1 for the first request) and records what it saw. It takes what the global `fetch`
 * takes, so it can stand in for it.
 */
export function stubFetch(answer: (request: Request, n: number) => Response | Promise<Response>) {
  const seen: SeenRequest[] = []
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    seen.push({
      method: request.method,
      url: new URL(request.url),
      headers: new Headers(request.headers),
      body: await request.clone().text(),
    })
    return answer(request, seen.length)
  }
  return { fetch, seen }
}

/** A valid customer, as the API answers it. */
export const customer = sampleObjects.CUSTOMER

/** A JSON answer with a request id. */
export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'x-request-id': 'req_ok', ...headers } })
}

/** An OctopusPro error answer for a code of the contract. */
export function fail(code: ErrorCode, headers: Record<string, string> = {}, message = `message of ${code}`): Response {
  const { status, type } = errorCodes[code]
  return Response.json(
    { error: { type, code, message, request_id: 'req_err' } },
    { status, headers: { 'x-request-id': 'req_err', ...headers } },
  )
}

/** A list envelope. */
export function page<T extends { id: string }>(data: T[], hasMore: boolean): Response {
  return ok({ object: 'list', data, has_more: hasMore, next_cursor: hasMore ? (data.at(-1)?.id ?? null) : null })
}

export const apiKey = 'opk_TESTsecretTESTsecretTESTsecretTESTsecre'
export const baseUrl = 'http://api.octopuspro.test/v1'
