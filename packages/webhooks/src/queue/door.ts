import { handleFetchRequest } from '../middleware/fetch.js'
import { errorResponse, queued } from '../middleware/responses.js'
import type { WebhookResponder, WebhookResponse } from '../middleware/types.js'
import type { Webhooks } from '../webhooks.js'
import { QueueError } from './queue-errors.js'
import type { WebhookQueue } from './types.js'

/**
 * Options of {@link queueWebhooks}.
 *
 * @example
 * ```ts
 * const options: QueueWebhooksOptions = { queue: memoryQueue() }
 * ```
 */
export interface QueueWebhooksOptions {
  queue: WebhookQueue
}

/**
 * The queue door: a fetch handler (`Request` → `Response`) that is also a {@link WebhookResponder}, so
 * `expressWebhooks(door)` and `nodeWebhooks(door)` mount it too.
 *
 * @example
 * ```ts
 * const door: QueueDoor = queueWebhooks(webhooks, { queue })
 * export const POST = door // Next.js
 * ```
 */
export type QueueDoor = ((request: Request) => Promise<Response>) & WebhookResponder

/**
 * The durable door: verifies and parses each delivery exactly as `webhooks` does (same answers for bad ones),
 * puts the event on `queue`, and answers **202** only once the queue holds it; a queue failure is answered
 * **503** (`queue_unavailable`, `retry-after: 5`) so the sender retries. Handlers do not run here: start
 * {@link createWorker} (in this process or others) to run them.
 *
 * @example
 * ```ts
 * const queue = bullmqQueue({ connection: process.env.REDIS_URL! })
 * app.post('/webhooks/octopuspro', expressWebhooks(queueWebhooks(webhooks, { queue })))
 * ```
 */
export function queueWebhooks(webhooks: Webhooks, options: QueueWebhooksOptions): QueueDoor {
  const { queue } = options
  const respond = webhooks.respondWith(async ({ id, event }): Promise<WebhookResponse> => {
    try {
      await queue.add({ id, event, receivedAt: new Date().toISOString() })
    } catch (cause) {
      webhooks.reportError(new QueueError('add', id, cause))
      return errorResponse(
        503,
        'queue_unavailable',
        `${id} could not be queued (the queue is unavailable); the delivery will be retried`,
        { 'retry-after': '5' },
      )
    }
    return queued(id)
  })
  const door = ((request: Request) => handleFetchRequest(door, request)) as QueueDoor
  door.respond = respond
  return door
}
