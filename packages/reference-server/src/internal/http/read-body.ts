import type { IncomingMessage } from 'node:http'
import { readNodeBody } from '@octopuspro/contract'
import { ApiError } from '../api-error.js'

/** The largest body the API reads (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024

/** A parsed JSON body and its exact text (the idempotency fingerprint). */
export interface JsonBody {
  value: unknown
  text: string
}

const tooLarge = () =>
  new ApiError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB); send less data per request`)

function isJson(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || type.endsWith('+json')
}

/** Reads the raw bytes of a request body with the 1 MiB limit (413 past it). */
export type BodyReader = () => Promise<Uint8Array>

async function readLimited(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      // Not awaited: cancelling a tee'd (cloned) request body can wait forever for the other branch.
      void reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/**
 * Reads a Node request's body straight from its `IncomingMessage` with the 1 MiB limit. On the port door this
 * replaces `request.body`, which makes @hono/node-server build a full undici Request with a web stream over the
 * socket and an AbortController (14 % of a create's CPU).
 */
export function nodeBodyReader(incoming: IncomingMessage): BodyReader {
  return async () => {
    const bytes = await readNodeBody(incoming, MAX_BODY_BYTES)
    if (bytes === null) throw tooLarge()
    return bytes
  }
}

/**
 * Reads a JSON body: 413 over 1 MiB (by `Content-Length` before reading, and while reading for a body that lies
 * or streams), 415 for a body that is not JSON by its content type, 400 `invalid_json` when it does not parse.
 * An empty body is `{}` (actions such as approve need none).
 */
export async function readJsonBody(request: Request, readBody?: BodyReader): Promise<JsonBody> {
  const length = Number(request.headers.get('content-length'))
  if (length > MAX_BODY_BYTES) throw tooLarge()
  const bytes = readBody ? await readBody() : request.body ? await readLimited(request.body) : new Uint8Array()
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid UTF-8; send JSON text encoded as UTF-8')
  }
  if (text.trim() === '') return { value: {}, text: '' }
  const contentType = request.headers.get('content-type')
  if (contentType !== null && !isJson(contentType)) {
    throw new ApiError('unsupported_media_type', `The request body is ${contentType.split(';')[0]}; send JSON with Content-Type: application/json`)
  }
  try {
    return { value: JSON.parse(text), text }
  } catch (error) {
    throw new ApiError('invalid_json', `The request body is not valid JSON (${(error as Error).message}); send a JSON object such as {"name":"Ada"}`)
  }
}
