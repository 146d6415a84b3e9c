import { WebhookVerificationError } from '../errors/webhook-verification-error.js'

/**
 * The raw request body, exactly as received: text or bytes.
 *
 * @example `await webhooks.verify(await request.arrayBuffer(), request.headers)`
 */
export type RawBody = string | Uint8Array | ArrayBuffer | ArrayBufferView

const encoder = new TextEncoder()

function describe(value: unknown): string {
  const kind = Array.isArray(value) ? 'array' : typeof value
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`
}

/**
 * The body as text or bytes, or a `body_not_raw` error when it is anything else — typically an object that a
 * body parser such as `express.json()` made, whose exact bytes (and so the signature) are lost.
 */
export function toRawBytes(body: unknown): string | Uint8Array {
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return body
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  throw new WebhookVerificationError(
    'body_not_raw',
    body === undefined || body === null
      ? 'there is no raw request body to verify: pass the body exactly as received (string, Buffer, Uint8Array or ' +
          'ArrayBuffer); if a middleware already read the stream, mount the webhook handler before it'
      : `the request body is already parsed (got ${describe(body)}), so its ` +
          'signed bytes are lost: mount the webhook middleware before express.json() (or any JSON body parser), or ' +
          "use express.raw({ type: 'application/json' }) on the webhook route",
  )
}

/** Whether a raw body is larger than `maxBytes` (measured in UTF-8 for text). */
export function isLargerThan(body: string | Uint8Array, maxBytes: number): boolean {
  if (typeof body !== 'string') return body.byteLength > maxBytes
  // A UTF-16 unit takes 1 to 3 bytes of UTF-8, so only text near the limit needs encoding to be measured.
  if (body.length > maxBytes) return true
  if (body.length * 3 <= maxBytes) return false
  return encoder.encode(body).byteLength > maxBytes
}
