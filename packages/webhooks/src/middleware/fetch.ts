import { readLimited, streamChunks } from '@octopuspro/contract/io'
import type { WebhookResponder } from './types.js'

/**
 * The fetch door: a web `Request` in, a `Response` out, for Next.js route handlers, Hono, Bun, Deno and
 * Workers. `webhooks.handle` calls it.
 */
export async function handleFetchRequest(webhooks: WebhookResponder, request: Request): Promise<Response> {
  const response = await webhooks.respond({
    method: request.method,
    header: (name) => request.headers.get(name) ?? undefined,
    readBody: (maxBytes) => readLimited(request.body ? streamChunks(request.body) : [], maxBytes),
  })
  return new Response(response.body, { status: response.status, headers: response.headers })
}
