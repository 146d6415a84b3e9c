import { concatBytes } from '../bytes.js'

const encoder = new TextEncoder()

/**
 * Reads a body to bytes, counting as it goes: resolves with `null` as soon as more than `maxBytes` arrived, leaving
 * the rest unread (the caller answers 413). Strings are taken as UTF-8. For a web `ReadableStream`, pass
 * {@link streamChunks}`(stream)`; for a Node request, {@link readNodeBody} is cheaper.
 *
 * @example
 * ```ts
 * const body = await readLimited(request.body ? streamChunks(request.body) : [], 1024 * 1024)
 * if (body === null) return new Response(null, { status: 413 })
 * ```
 */
export async function readLimited(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = []
  let size = 0
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk
    size += bytes.byteLength
    if (size > maxBytes) return null
    parts.push(bytes)
  }
  return parts.length === 0 ? new Uint8Array() : concatBytes(parts)
}
