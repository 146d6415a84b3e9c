let lastMs = Number.NaN
let lastIso = ''

/**
 * `new Date(ms).toISOString()`, remembering the last answer: every request stamps the key's `last_used_at` and its
 * call's `now`, and under load many requests share a millisecond (formatting a date was 5 % of a GET's CPU).
 *
 * @example
 * ```ts
 * isoTime(Date.UTC(2026, 10, 27, 10)) // '2026-11-27T10:00:00.000Z'
 * ```
 */
export function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString()
    lastMs = ms
  }
  return lastIso
}
