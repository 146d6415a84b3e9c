import { randomUUID } from 'node:crypto'
import { createSampleEvent } from '@octopuspro/contract/samples'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { redisDedupe } from '../../src/index.js'
import { bullmqQueue } from '../../src/queue/bullmq.js'
import { FLOW_QUEUE_OPTIONS, queueFlowTests } from './queue-flow.js'

const REDIS_URL = process.env.REDIS_URL
if (!REDIS_URL && process.env.CI)
  throw new Error('REDIS_URL must be set in CI: the BullMQ queue tests need a real Redis')

describe.skipIf(!REDIS_URL)('bullmqQueue (real Redis at REDIS_URL) with the queue door and createWorker', () => {
  // Every key of this file lives under one prefix, deleted at the end; nothing else of the shared Redis is touched.
  const prefix = `octopuspro-test:${randomUUID()}`
  const admin = new Redis(REDIS_URL as string)
  let queues = 0

  afterAll(async () => {
    const keys = await admin.keys(`${prefix}*`)
    if (keys.length > 0) await admin.del(...keys)
    await admin.quit()
  })

  queueFlowTests(
    () => bullmqQueue({ connection: REDIS_URL as string, prefix, name: `flow-${++queues}`, ...FLOW_QUEUE_OPTIONS }),
    () => redisDedupe(admin, { prefix: `${prefix}:dedupe:${queues}:` }),
  )

  it('answers add within addTimeoutMs when Redis does not answer, so the door can say 503', async () => {
    const queue = bullmqQueue({ connection: 'redis://127.0.0.1:1', prefix, addTimeoutMs: 200 })
    const event = createSampleEvent('booking.created')
    await expect(queue.add({ id: event.id, event, receivedAt: new Date().toISOString() })).rejects.toThrow()
    await queue.close().catch(() => undefined)
  })

  it('refuses a connection URL that is not redis:// or rediss://', () => {
    expect(() => bullmqQueue({ connection: 'http://127.0.0.1:6379' })).toThrow(
      'connection must be a redis:// or rediss:// URL, got http://…',
    )
  })
})
