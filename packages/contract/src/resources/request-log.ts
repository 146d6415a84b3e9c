import * as z from 'zod/mini'
import { Id, Timestamp } from '../primitives.js'

/**
 * One API request as the server logged it (`GET /v1/request-logs`): its `x-request-id`, method, path, status and
 * duration. Reads of the log itself are not logged, so following it does not fill it.
 *
 * @example
 * ```ts
 * RequestLogEntry.parse(body.data[0]).status // 201
 * ```
 */
export const RequestLogEntry = z.object({
  id: Id('request'),
  object: z.literal('request_log_entry'),
  method: z.string(),
  path: z.string(),
  status: z.int(),
  duration_ms: z.number(),
  created_at: Timestamp,
})

/** A request log entry. @example `const { method, path, status }: RequestLogEntry = page.data[0]` */
export type RequestLogEntry = z.output<typeof RequestLogEntry>
