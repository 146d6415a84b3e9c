import { APIError } from '../api-error.js'
import type { RequestView } from './request-view.js'

/** The largest body the API reads (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024

/** A parsed JSON body and its exact text (the idempotency fingerprint). */
export interface JsonBody {
  value: unknown
  text: string
}

/** 413 `payload_too_large`. */
export const tooLarge = () =>
  new APIError(
    'payload_too_large',
    `The request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB); send less data per request`,
  )

/**
 * The bytes a bounded reader returned, or 413 when it stopped past the limit (it returns `null` then).
 *
 * @example
 * ```ts
 * const bytes = withinLimit(await readLimited(streamChunks(request.body), MAX_BODY_BYTES))
 * ```
 */
export function withinLimit(bytes: Uint8Array | null): Uint8Array {
  if (bytes === null) throw tooLarge()
  return bytes
}

// fatal: bytes that are not UTF-8 are refused (400), not turned into U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true })

function isJson(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || type.endsWith('+json')
}

/**
 * Reads a JSON body: 413 over 1 MiB (by `Content-Length` before reading, and while reading for a body that lies
 * or streams), 415 for a body that is not JSON by its content type, 400 `invalid_json` when it does not parse.
 * An empty body is `{}` (actions such as approve need none).
 */
export async function readJsonBody(request: RequestView): Promise<JsonBody> {
  const length = Number(request.header('content-length'))
  if (length > MAX_BODY_BYTES) throw tooLarge()
  const bytes = await request.body()
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new APIError('invalid_json', 'The request body is not valid UTF-8; send JSON text encoded as UTF-8')
  }
  if (text.trim() === '') return { value: {}, text: '' }
  const contentType = request.header('content-type')
  if (contentType !== null && !isJson(contentType)) {
    throw new APIError(
      'unsupported_media_type',
      `The request body is ${contentType.split(';')[0]}; send JSON with Content-Type: application/json`,
    )
  }
  try {
    return { value: JSON.parse(text), text }
  } catch (error) {
    throw new APIError(
      'invalid_json',
      `The request body is not valid JSON (${(error as Error).message}); send a JSON object such as {"name":"Ada"}`,
    )
  }
}
