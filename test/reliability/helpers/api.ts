import type { ReferenceServer } from '@octopuspro/reference-server'

/** One answer of the in-process server, body parsed when it is JSON. */
export interface ApiAnswer {
  status: number
  headers: Headers
  text: string
  json: unknown
}

/**
 * Sends one request to the server in process (`path` below `/v1`), as the ready key unless another is given.
 *
 * @example
 * ```ts
 * const { status, json } = await call(server, 'GET', '/customers?limit=5')
 * ```
 */
export async function call(
  server: Pick<ReferenceServer, 'baseUrl' | 'apiKey' | 'fetch'>,
  method: string,
  path: string,
  init: { body?: BodyInit; headers?: Record<string, string>; apiKey?: string } = {},
): Promise<ApiAnswer> {
  const response = await server.fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${init.apiKey ?? server.apiKey}`, ...init.headers },
    ...(init.body !== undefined && { body: init.body }),
  })
  return readAnswer(response)
}

/** Reads a response into an {@link ApiAnswer}. @example `const answer = await readAnswer(await fetch(url))` */
export async function readAnswer(response: Response): Promise<ApiAnswer> {
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}
