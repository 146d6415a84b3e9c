/**
 * The chunks of a web `ReadableStream`. Stopping early (a size limit reached, an error) cancels the stream, which
 * lets its connection go. The cancel is not awaited: cancelling one branch of a tee'd (cloned) request body can
 * wait forever for the other branch.
 *
 * @example
 * ```ts
 * for await (const chunk of streamChunks(response.body)) received += chunk.byteLength
 * ```
 */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader()
  let done = false
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value
    done = true
  } finally {
    if (!done) void reader.cancel().catch(() => {})
  }
}
