import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { signWebhook } from '@octopuspro/contract'
import { createSampleEvent } from '@octopuspro/contract/samples'
import {
  createWorker,
  memoryQueue,
  type QueueConsumer,
  queueWebhooks,
  redisDedupe,
  type WebhookQueue,
  Webhooks,
} from '@octopuspro/webhooks'
import { bullmqQueue } from '@octopuspro/webhooks/bullmq'
import { Queue, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import { alternate, type Bench, size } from '../lib/bench.js'
import { type BenchCase, type Measurement, measurement, percentile, valueGoal } from '../lib/result.js'

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const SLOW_HANDLER_MS = 200
/** The worker bench's handlers: a short wait, as a call to a database or an API would be, short and longer. */
const WORK_MS = [2, 20]
const WORKER_CONCURRENCY = 16

/** `count` signed deliveries of fresh `booking.created` events, as Requests-to-be. */
async function deliveries(count: number): Promise<{ headers: Record<string, string>; body: string }[]> {
  const timestamp = Math.floor(Date.now() / 1000)
  return Promise.all(
    Array.from({ length: count }, async () => {
      const event = createSampleEvent('booking.created', { id: `evt_${randomUUID().replaceAll('-', '')}` })
      const body = JSON.stringify(event)
      const headers = await signWebhook({ secret: SECRET, id: event.id, timestamp, body })
      return { headers: { ...headers, 'content-type': 'application/json' }, body }
    }),
  )
}

/**
 * The p99 acknowledgement latency of `handle` (ms) over `count` deliveries, `concurrency` at a time; every answer
 * must be `status`.
 */
async function ackP99(
  handle: (request: Request) => Promise<Response>,
  count: number,
  concurrency: number,
  status: number,
): Promise<number> {
  const send = async (pending: Awaited<ReturnType<typeof deliveries>>, latencies: number[]) => {
    const lane = async () => {
      for (let next = pending.pop(); next; next = pending.pop()) {
        const started = performance.now()
        const response = await handle(new Request('http://receiver.test/', { method: 'POST', ...next }))
        latencies.push(performance.now() - started)
        if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}`)
      }
    }
    await Promise.all(Array.from({ length: concurrency }, lane))
  }
  // A warm-up round first: connections opened, code paths compiled.
  await send(await deliveries(concurrency), [])
  const latencies: number[] = []
  await send(await deliveries(count), latencies)
  return percentile(latencies, 99)
}

/**
 * The acknowledgement case: the queue door vs `after-handlers` running the slow handler before answering. The door
 * only verifies and queues (its workers run elsewhere).
 */
async function acknowledgement(
  rounds: number,
  count: number,
  engine: { name: string; open: () => WebhookQueue },
): Promise<BenchCase> {
  const slow = async () => sleep(SLOW_HANDLER_MS)
  const door = `queueWebhooks (${engine.name})`
  const inline = "ack: 'after-handlers'"
  const values = await alternate([{ name: door }, { name: inline }], rounds, async ({ name }) => {
    const webhooks = new Webhooks({ secret: SECRET }).on('booking.created', slow)
    if (name === inline) return ackP99(webhooks.handle, count, 16, 204)
    // The workers run the handler in their own processes, as deployed; the door's process runs none.
    const queue = engine.open()
    try {
      return await ackP99(queueWebhooks(webhooks, { queue }), count, 16, 202)
    } finally {
      await queue.close()
    }
  })
  const [ours, peer] = [door, inline].map((name, i) =>
    measurement(name, i === 0 ? 'ours' : 'peer', 'ms p99 ack', values.get(name)!),
  ) as [Measurement, Measurement]
  return {
    name: 'queue ack latency',
    measurements: [ours, peer],
    goals: [valueGoal(`${ours.name} p99 / ${peer.name} p99`, ours.median / peer.median, '<', 0.1, '×')],
    details: { 'handler ms': SLOW_HANDLER_MS, deliveries: count, 'concurrent senders': 16 },
  }
}

/** Jobs per second of a consumer started on `count` jobs already queued, until the last one ran. */
async function drain(count: number, start: (onDone: () => void) => { close(): Promise<void> }): Promise<number> {
  let done = 0
  let finish!: () => void
  const finished = new Promise<void>((resolve) => {
    finish = resolve
  })
  const started = performance.now()
  const consumer = start(() => {
    if (++done === count) finish()
  })
  await finished
  const elapsed = performance.now() - started
  await consumer.close()
  return (count * 1000) / elapsed
}

/**
 * A worker case: createWorker on bullmqQueue with redisDedupe vs a bare BullMQ Worker, the same handler of
 * `workMs`. Ours pays two Redis round trips per job more (the dedupe claim and complete): what exactly-once costs.
 */
async function workerThroughput(rounds: number, count: number, redisUrl: string, workMs: number): Promise<BenchCase> {
  const ours = 'createWorker + redisDedupe'
  const bare = 'bare BullMQ Worker'
  const redis = new Redis(redisUrl)
  const prefix = `octopuspro-bench:${randomUUID()}`
  const events = Array.from({ length: count }, () => createSampleEvent('booking.created'))
  try {
    const values = await alternate([{ name: ours }, { name: bare }], rounds, async ({ name }, round) => {
      const queueName = `${name === ours ? 'ours' : 'bare'}-${round}`
      if (name === ours) {
        const queue = bullmqQueue({ connection: redisUrl, prefix, name: queueName })
        const receivedAt = new Date().toISOString()
        await Promise.all(events.map((event, i) => queue.add({ id: `${queueName}-${i}`, event, receivedAt })))
        const dedupe = redisDedupe(redis, { prefix: `${prefix}:dedupe:${queueName}:` })
        try {
          return await drain(count, (onDone): QueueConsumer => {
            const webhooks = new Webhooks({ secret: SECRET }).on('booking.created', async () => {
              await sleep(workMs)
              onDone()
            })
            return createWorker(webhooks, { queue, concurrency: WORKER_CONCURRENCY, dedupe })
          })
        } finally {
          await queue.close()
        }
      }
      const { hostname, port } = new URL(redisUrl)
      const connection = { host: hostname, port: Number(port || 6379) }
      const queue = new Queue(queueName, { connection, prefix })
      await queue.addBulk(events.map((event, i) => ({ name: event.type, data: event, opts: { jobId: `job-${i}` } })))
      try {
        return await drain(count, (onDone) => {
          const worker = new Worker(
            queueName,
            async () => {
              await sleep(workMs)
              onDone()
            },
            { connection: { ...connection, maxRetriesPerRequest: null }, prefix, concurrency: WORKER_CONCURRENCY },
          )
          return { close: () => worker.close() }
        })
      } finally {
        await queue.close()
      }
    })
    const [o, b] = [ours, bare].map((name, i) =>
      measurement(name, i === 0 ? 'ours' : 'peer', 'jobs/s', values.get(name)!),
    ) as [Measurement, Measurement]
    return {
      name: `queue worker throughput, ${workMs} ms handler`,
      measurements: [o, b],
      goals: [valueGoal(`${o.name} / ${b.name}`, o.median / b.median, '>=', 0.8, '×')],
      details: { jobs: count, 'handler ms': workMs, concurrency: WORKER_CONCURRENCY },
    }
  } finally {
    const keys = await redis.keys(`${prefix}*`)
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000))
    await redis.quit()
  }
}

/**
 * queue: the durable door's acknowledgement latency against `ack: 'after-handlers'` with a 200 ms handler (BullMQ
 * at REDIS_URL, else the embedded queue); and, at REDIS_URL, createWorker's throughput against a bare BullMQ
 * Worker running the same handler (2 ms, then 20 ms).
 */
export const queueBench: Bench = {
  name: 'queue',
  description:
    "p99 ack of queueWebhooks vs ack: 'after-handlers' (200 ms handler); createWorker vs a bare BullMQ Worker",
  async run(settings) {
    const url = process.env.REDIS_URL
    const prefix = `octopuspro-bench:${randomUUID()}`
    let queues = 0
    const engine = url
      ? { name: 'BullMQ', open: () => bullmqQueue({ connection: url, prefix, name: `ack-${++queues}` }) }
      : { name: 'memoryQueue', open: () => memoryQueue() }
    const cases = [await acknowledgement(settings.rounds, size(settings, 400, 32), engine)]
    if (url) {
      for (const workMs of WORK_MS)
        cases.push(await workerThroughput(settings.rounds, size(settings, 3000, 40), url, workMs))
      const redis = new Redis(url)
      const keys = await redis.keys(`${prefix}*`)
      if (keys.length > 0) await redis.del(...keys)
      await redis.quit()
    }
    return {
      bench: 'queue',
      description: this.description,
      settings: { rounds: settings.rounds, redis: url ? 'REDIS_URL' : 'not set' },
      cases,
    }
  },
}
