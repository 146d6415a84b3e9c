import { Webhooks, type WebhooksOptions } from '@octopuspro/webhooks'

/** A job on the board. */
export interface Job {
  bookingId: string
  service: string
  start: string
}

/**
 * YOUR CODE UNDER TEST: a webhook receiver that puts every new booking on the team's job board (here, an array),
 * once per booking. Mount `receiver.handle` in any fetch runtime, or `nodeWebhooks(receiver)` on node:http. Tests
 * that run the reference server on a manual clock pass the same clock as `now`, so signatures are not "too old".
 */
export function createJobBoardReceiver(
  secret: string,
  board: Job[],
  options: Pick<WebhooksOptions, 'now'> = {},
): Webhooks {
  const receiver = new Webhooks({ secret, ...options })
  receiver.on('booking.created', ({ data: booking }) => {
    if (board.some((job) => job.bookingId === booking.id)) return
    board.push({ bookingId: booking.id, service: booking.service, start: booking.scheduled_start })
  })
  return receiver
}
