import * as z from 'zod/mini'

/**
 * The check that `scheduled_end` is after `scheduled_start` when a body has both. A PATCH that sends only one
 * is checked by the server against the stored other one, with {@link isScheduleValid}.
 *
 * @example
 * ```ts
 * const Body = z.strictObject({ scheduled_start: Timestamp, scheduled_end: Timestamp }).check(endAfterStart)
 * ```
 */
export const endAfterStart = z.refine<{ scheduled_start?: string | undefined; scheduled_end?: string | undefined }>(
  (body) =>
    body.scheduled_start === undefined ||
    body.scheduled_end === undefined ||
    isScheduleValid(body.scheduled_start, body.scheduled_end),
  { message: 'must be after scheduled_start', path: ['scheduled_end'] },
)

/**
 * Whether a schedule ends after it starts.
 *
 * @example
 * ```ts
 * isScheduleValid('2026-12-01T09:00:00.000Z', '2026-12-01T11:00:00.000Z') // true
 * ```
 */
export function isScheduleValid(start: string, end: string): boolean {
  return Date.parse(end) > Date.parse(start)
}
