/**
 * Whether `expected` equals the `expected.length` characters of `text` at `offset` (and `text` has exactly that many
 * there, up to `end`), in time that depends only on the length, so a forged signature cannot be guessed character
 * by character. Reading in place spares slicing the header.
 *
 * @example
 * ```ts
 * constantTimeEqualAt('abc=', 'v1,abc= v1,abd=', 3, 7) // true
 * ```
 */
export function constantTimeEqualAt(expected: string, text: string, offset: number, end: number): boolean {
  if (end - offset !== expected.length) return false
  let diff = 0
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ text.charCodeAt(offset + i)
  return diff === 0
}
