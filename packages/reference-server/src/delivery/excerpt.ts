/** The most of a receiver's answer the delivery log keeps: 1 KiB. */
export const EXCERPT_BYTES = 1024

/**
 * Reads at most `limit` bytes of a response body as text and cancels the rest, so a huge or endless answer costs
 * nothing. A character cut in half at the limit is dropped; a body that breaks off keeps what arrived. Empty → null.
 *
 * @example
 * ```ts
 * await readExcerpt(response.body) // '{"received":true}'
 * ```
 */
export async function readExcerpt(body: ReadableStream<Uint8Array> | null, limit = EXCERPT_BYTES): Promise<string | null> {
  if (body === null) return null
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let remaining = limit
  try {
    while (remaining > 0) {
      const { done, value } = await reader.read()
      if (done) break
      const chunk = value.byteLength > remaining ? value.subarray(0, remaining) : value
      text += decoder.decode(chunk, { stream: true })
      remaining -= chunk.byteLength
    }
  } catch {
    // The body broke off (timeout, reset): the status already decided the attempt; keep what arrived.
  } finally {
    reader.cancel().catch(() => {})
  }
  return text === '' ? null : text
}
