import { isWebhookHandlerError, type RedisEvalClient, redisDedupe, Webhooks } from '@octopuspro/webhooks'
import type { Logger } from './logger.js'

/**
 * The receiver: Redis dedupe shared by every replica, answers only after the handlers succeeded (so a failure is
 * retried by OctopusPro), handlers cut off after 10 s.
 */
export function createWebhooks(options: {
  secrets: string[]
  redis: RedisEvalClient
  dedupePrefix: string
  log: Logger
}): Webhooks {
  const { secrets, redis, dedupePrefix, log } = options
  // #region receiver
  const webhooks = new Webhooks({
    secret: secrets, // the new and the old secret during a rotation
    dedupe: redisDedupe(redis, { prefix: dedupePrefix, inFlightTtlMs: 30_000 }), // shared by every replica
    ack: 'after-handlers', // 204 only when every handler succeeded; 500 → OctopusPro retries
    handlerTimeoutMs: 10_000,
  })

  webhooks.onAny((event) =>
    log.info('event received', { eventId: event.id, type: event.type, test: event.test ?? false }),
  )
  webhooks.on('booking.created', async (event) => {
    log.info('job card created', {
      bookingId: event.data.id,
      service: event.data.service,
      start: event.data.scheduled_start,
    })
  })
  webhooks.on('payment.*', async (event) => {
    log.info('payment synced', { paymentId: event.data.id, status: event.data.status, amount: event.data.amount })
  })
  webhooks.onError((error) => {
    const fields = isWebhookHandlerError(error)
      ? { eventId: error.event.id, type: error.event.type, failures: error.errors.map((e) => String(e)) }
      : { error: error.message }
    log.error('webhook handling failed; OctopusPro will retry', { code: error.code, ...fields })
  })
  // #endregion receiver
  return webhooks
}
