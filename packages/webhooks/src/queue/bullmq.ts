/**
 * `@octopuspro/webhooks/bullmq`: the durable queue on Redis, with BullMQ — any number of receiver and worker
 * processes on any number of machines. `bullmq` (and its `ioredis`) are optional peer dependencies of
 * `@octopuspro/webhooks`, loaded only by this entry point.
 *
 * @packageDocumentation
 */
import { type ConnectionOptions, DelayedError, type Job, type JobType, Queue, Worker } from 'bullmq'
import { positiveInteger } from '../internal/positive-integer.js'
import { DEFAULT_INBOX_LIMIT, resolveQueueOptions } from './options.js'
import { WebhookJobInFlightError } from './queue-errors.js'
import { redisOptionsFromUrl } from './redis-url.js'
import type { InboxEntry, InboxState, QueuedWebhook, QueueOptions, WebhookQueue } from './types.js'

/**
 * Options of {@link bullmqQueue}.
 *
 * @example
 * ```ts
 * const options: BullmqQueueOptions = { connection: process.env.REDIS_URL!, name: 'shop-webhooks', attempts: 8 }
 * ```
 */
export interface BullmqQueueOptions extends QueueOptions {
  /**
   * Redis: a `redis://` URL (the queue opens and closes its own connections: one failing fast for the door, one
   * waiting out outages for the worker), or BullMQ's connection options or ioredis instance.
   */
  connection: string | ConnectionOptions
  /** The BullMQ queue name; every receiver and worker of one endpoint uses the same. Default `octopuspro-webhooks`. */
  name?: string
  /** BullMQ's key prefix. Default `bull`. */
  prefix?: string
  /** How long `add` may take before the door gives up and answers 503, in ms. Default 5 000. */
  addTimeoutMs?: number
  /**
   * How long a worker's lock on a running job lasts without renewal, in ms (BullMQ renews it while the handler
   * runs); a worker that dies loses its jobs to the others after about this long. Default 30 000.
   */
  lockDurationMs?: number
  /** How often workers look for jobs of dead workers, in ms. Default 30 000. */
  stalledIntervalMs?: number
}

const bullStates: Record<InboxState, JobType[]> = {
  queued: ['waiting', 'prioritized', 'waiting-children', 'delayed'],
  active: ['active'],
  retrying: ['delayed'],
  completed: ['completed'],
  failed: ['failed'],
}

/**
 * The BullMQ job id of a webhook id: BullMQ refuses ids with `:` and ids that are integers, so the id is encoded
 * and prefixed (the inbox reads the webhook id from the job's data).
 */
const jobIdOf = (id: string) => `w_${encodeURIComponent(id)}`

function stateOf(bullState: string, job: Job<QueuedWebhook>): InboxState {
  if (bullState === 'delayed') return job.attemptsMade > 0 ? 'retrying' : 'queued'
  if (bullState === 'active' || bullState === 'completed' || bullState === 'failed') return bullState
  return 'queued'
}

function toInboxEntry(job: Job<QueuedWebhook>, state: InboxState): InboxEntry {
  return {
    id: job.data.id,
    type: job.data.event.type,
    state,
    attempts: job.attemptsMade,
    lastError: job.failedReason || undefined,
    receivedAt: job.data.receivedAt,
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
    event: job.data.event,
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${timeoutMs} ms`)), timeoutMs)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/**
 * The durable queue on Redis, with BullMQ: jobs keyed by `webhook-id` (adding one the queue holds is a no-op),
 * exponential backoff, a `failed` state after `attempts` (the dead letter), jobs of a dead worker handed to
 * another, the inbox read from BullMQ's own job records and trimmed after `retentionMs`. Durability across a
 * Redis restart is Redis's: run it with AOF persistence (`appendonly yes`).
 *
 * @example
 * ```ts
 * import { bullmqQueue } from '@octopuspro/webhooks/bullmq'
 * const queue = bullmqQueue({ connection: process.env.REDIS_URL!, attempts: 8, backoffMs: 2_000 })
 * app.post('/webhooks/octopuspro', expressWebhooks(queueWebhooks(webhooks, { queue })))
 * createWorker(webhooks, { queue, concurrency: 8, dedupe: redisDedupe(redis) }) // in any process
 * ```
 */
export function bullmqQueue(options: BullmqQueueOptions): WebhookQueue {
  const { attempts, backoffMs, retentionMs } = resolveQueueOptions(options)
  const name = options.name ?? 'octopuspro-webhooks'
  const prefix = options.prefix ?? 'bull'
  const addTimeoutMs = positiveInteger('addTimeoutMs', options.addTimeoutMs ?? 5000)
  const lockDuration = positiveInteger('lockDurationMs', options.lockDurationMs ?? 30_000)
  const stalledInterval = positiveInteger('stalledIntervalMs', options.stalledIntervalMs ?? 30_000)
  const url = typeof options.connection === 'string' ? redisOptionsFromUrl(options.connection) : undefined
  // The door's connection fails at once while Redis is down (503, the sender retries); the worker's waits.
  const producerConnection = url ? { ...url, enableOfflineQueue: false } : (options.connection as ConnectionOptions)
  const workerConnection = url ? { ...url, maxRetriesPerRequest: null } : (options.connection as ConnectionOptions)
  const keepFor = { age: Math.ceil(retentionMs / 1000) }
  const queue = new Queue<QueuedWebhook>(name, {
    connection: producerConnection,
    prefix,
    defaultJobOptions: {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: keepFor,
      removeOnFail: keepFor,
    },
  })
  // Without a listener an 'error' event (Redis unreachable) would crash the process; failed calls reject anyway.
  queue.on('error', () => undefined)
  const workers = new Set<Worker<QueuedWebhook>>()

  async function jobsIn(state: InboxState, limit: number): Promise<InboxEntry[]> {
    const perType = await Promise.all(
      bullStates[state].map(async (type) =>
        (await queue.getJobs([type], 0, limit - 1, true))
          .filter((job) => job !== undefined && stateOf(type, job) === state)
          .map((job) => toInboxEntry(job, state)),
      ),
    )
    return perType.flat().slice(0, limit)
  }

  return {
    async add(job) {
      await withTimeout(queue.add(job.event.type, job, { jobId: jobIdOf(job.id) }), addTimeoutMs, `queueing ${job.id}`)
    },
    consume(handler, { concurrency }) {
      const worker = new Worker<QueuedWebhook>(
        name,
        async (job, token) => {
          try {
            await handler(job.data)
          } catch (error) {
            if (!(error instanceof WebhookJobInFlightError)) throw error
            // Another worker holds the event: wait without using an attempt.
            await job.moveToDelayed(Date.now() + backoffMs, token)
            throw new DelayedError()
          }
        },
        { connection: workerConnection, prefix, concurrency, lockDuration, stalledInterval },
      )
      worker.on('error', () => undefined)
      workers.add(worker)
      return {
        async close() {
          workers.delete(worker)
          await worker.close()
        },
      }
    },
    inbox: {
      async list({ state, limit = DEFAULT_INBOX_LIMIT } = {}) {
        if (state) return jobsIn(state, limit)
        const all = await Promise.all((Object.keys(bullStates) as InboxState[]).map((s) => jobsIn(s, limit)))
        return all.flat().slice(0, limit)
      },
      async get(id) {
        const job = await queue.getJob(jobIdOf(id))
        return job && toInboxEntry(job, stateOf(await job.getState(), job))
      },
    },
    async replay(id) {
      const job = await queue.getJob(jobIdOf(id))
      if (!job || !(await job.isFailed())) return false
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true })
      return true
    },
    async replayFailed() {
      let replayed = 0
      for (;;) {
        const failed = await queue.getFailed(0, 99)
        if (failed.length === 0) return replayed
        for (const job of failed) {
          await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true })
          replayed++
        }
      }
    },
    async close() {
      await Promise.all([...workers].map((worker) => worker.close()))
      workers.clear()
      await queue.close()
    },
  }
}
