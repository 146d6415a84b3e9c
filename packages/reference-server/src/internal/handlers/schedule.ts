import { isScheduleValid } from '@octopuspro/contract'
import { APIError } from '../api-error.js'

interface Scheduled {
  scheduled_start: string
  scheduled_end: string
}

/**
 * A PATCH may send only one end of a schedule; the contract checks a body that has both, this checks the result
 * against the stored other end.
 */
export function assertScheduleValid(next: Scheduled, patch: Partial<Scheduled>): void {
  if (isScheduleValid(next.scheduled_start, next.scheduled_end)) return
  const param = patch.scheduled_end !== undefined ? 'scheduled_end' : 'scheduled_start'
  throw new APIError(
    'parameter_invalid',
    `scheduled_end (${next.scheduled_end}) must be after scheduled_start (${next.scheduled_start}); send both to ` +
      `move the whole window`,
    { param },
  )
}
