/** The most of a receiver's answer the delivery log keeps: 1 KiB. @example `readExcerpt(body, EXCERPT_BYTES)` */
export const EXCERPT_BYTES = 1024

/**
 * Reads at most `limit` bytes of a response body as text and stops there, so a huge or endless answer costs
 * nothing. A character cut in half at the limit is dropped; a body that breaks off keeps what arrived. Empty → null.
 *
 * @example
 * ```ts
 * await readExcerpt(response.body) // '{"received":true}'
 * ```
 */
export async function readExcerpt(
  body: AsyncIterable<Uint8Array> | null,
  limit = EXCERPT_BYTES,
): Promise<string | null> {
  if (body === null) return null
  const decoder = new TextDecoder()
  let text = ''
  let remaining = limit
  try {
    for await (const chunk of body) {
      const part = chunk.byteLength > remaining ? chunk.subarray(0, remaining) : chunk
      text += decoder.decode(part, { stream: true })
      remaining -= part.byteLength
      if (remaining === 0) break
    }
  } catch {
    // The body broke off (timeout, reset): the status already decided the attempt; keep what arrived.
  }
  return text === '' ? null : text
}
