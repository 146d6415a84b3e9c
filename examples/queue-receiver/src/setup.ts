/**
 * What the receiver and the workers share: the configuration (from the environment), the queue (BullMQ on
 * Redis), the typed handlers and one-line JSON logs.
 */
import { type WebhookQueue, Webhooks } from '@octopuspro/webhooks'
import { bullmqQueue } from '@octopuspro/webhooks/bullmq'

/** Payments above this amount (in cents) are refused by the booking handler: the dead letter of the example. */
const AUTO_BOOKING_LIMIT = 1_000_000

/** One JSON object per line on stdout. */
export function log(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields })}\n`)
}

function required(name: string, hint: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: ${hint}`)
  return value
}

/** Reads the environment: secret(s), REDIS_URL, QUEUE_NAME (default `octopuspro-webhooks`), QUEUE_PREFIX. */
export function setUp(): { webhooks: Webhooks; queue: WebhookQueue; redisUrl: string; prefix: string } {
  const secrets = required('OCTOPUSPRO_WEBHOOK_SECRET', 'the whsec_… secret of your webhook endpoint')
    .split(/[\s,]+/)
    .filter(Boolean)
  const redisUrl = required('REDIS_URL', 'the queue lives in Redis, e.g. REDIS_URL=redis://127.0.0.1:6379')
  const prefix = process.env.QUEUE_PREFIX || 'octopuspro'
  // #region queue
  const queue = bullmqQueue({
    connection: redisUrl,
    name: process.env.QUEUE_NAME || 'octopuspro-webhooks',
    prefix: `${prefix}:bull`,
    attempts: 5,
    backoffMs: Number(process.env.BACKOFF_MS || 1_000),
  })
  // #endregion queue
  const webhooks = new Webhooks({ secret: secrets })
  webhooks.on('booking.created', async (event) => {
    log('info', 'job card created', { pid: process.pid, eventId: event.id, service: event.data.service })
  })
  webhooks.on('payment.approved', async (event) => {
    if (event.data.amount > AUTO_BOOKING_LIMIT)
      throw new Error(`payment ${event.data.id} is over the auto-booking limit; book it by hand, then replay it`)
    log('info', 'payment booked', { eventId: event.id, invoiceId: event.data.invoice_id, amount: event.data.amount })
  })
  webhooks.onError((error) => log('error', 'webhook error', { code: error.code, message: error.message }))
  return { webhooks, queue, redisUrl, prefix }
}

/** Runs `close` once on SIGTERM or SIGINT, logging before and after. */
export function onShutdown(close: () => Promise<void>): void {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log('info', 'shutting down', { signal })
    void close().then(() => log('info', 'stopped'))
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}
