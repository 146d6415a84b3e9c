import { concatBytes } from '@octopuspro/contract'

const encoder = new TextEncoder()

/**
 * Reads a body stream to bytes, counting as it goes: resolves with `null` as soon as more than `maxBytes`
 * arrived, leaving the rest unread (the caller answers 413).
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

/** The chunks of a web `ReadableStream`; stopping early cancels the stream. */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
}
