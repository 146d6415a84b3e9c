const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/**
 * The delays between attempts after the first (wire contract §4, Standard Webhooks' recommendation): 5 s, 5 min, 30
 * min,
 * 2 h, 5 h, 10 h, 10 h — eight attempts in all, then the delivery is `failed`.
 *
 * @example
 * ```ts
 * defaultRetrySchedule[0] // 5000
 * ```
 */
export const defaultRetrySchedule: readonly number[] = Object.freeze([
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
])

/**
 * A delay of the schedule moved by up to `jitter` of itself either way, so retries of many deliveries that failed
 * together do not all land at the same instant: the result lies in `[delay·(1−jitter), delay·(1+jitter)]`.
 *
 * @example
 * ```ts
 * jitteredDelay(5000, 0.1, Math.random) // 4500 … 5500
 * jitteredDelay(5000, 0, Math.random)   // 5000
 * ```
 */
export function jitteredDelay(delay: number, jitter: number, random: () => number): number {
  return Math.round(delay * (1 + jitter * (2 * random() - 1)))
}
