import { generateWebhookSecret } from '@octopuspro/contract'
import { createWorker, queueWebhooks, redisDedupe, Webhooks } from '@octopuspro/webhooks'
import { bullmqQueue } from '@octopuspro/webhooks/bullmq'
import { createTestEvent, signPayload } from '@octopuspro/webhooks/testing'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { waitUntil } from './helpers/processes.js'
import { deleteKeys, describeWithRedis, uniquePrefix } from './helpers/redis.js'
import { recordFigures } from './helpers/results.js'

const EVENTS = 60
const POISONED = 12
const ATTEMPTS = 3

describeWithRedis('durable queue: dead letter, inbox and replay (BullMQ)', (redisUrl) => {
  const prefix = uniquePrefix('queue-dead-letter')
  let redis: Redis
  beforeAll(() => {
    redis = new Redis(redisUrl)
  })
  afterAll(async () => {
    await deleteKeys(redis, prefix)
    await redis.quit()
  })

  it('dead-letters jobs whose handler fails all 3 attempts, lists them, and replayFailed runs each once', async () => {
    const secret = generateWebhookSecret()
    const queue = bullmqQueue({ connection: redisUrl, prefix: `${prefix}bull`, attempts: ATTEMPTS, backoffMs: 20 })
    const webhooks = new Webhooks({ secret })
    webhooks.onError(() => undefined) // every failed attempt is reported; counted by the handler below
    let downstreamUp = false
    const attemptsOf = new Map<string, number>()
    const completed = new Map<string, number>()
    webhooks.on('customer.created', (event) => {
      attemptsOf.set(event.id, (attemptsOf.get(event.id) ?? 0) + 1)
      if (event.data.name.startsWith('poison') && !downstreamUp) throw new Error(`CRM refused ${event.data.name}`)
      completed.set(event.id, (completed.get(event.id) ?? 0) + 1)
    })
    const worker = createWorker(webhooks, { queue, concurrency: 4, dedupe: redisDedupe(redis, { prefix }) })
    const door = queueWebhooks(webhooks, { queue })
    try {
      const events = Array.from({ length: EVENTS }, (_, i) =>
        createTestEvent('customer.created', { data: { name: i < POISONED ? `poison ${i}` : `Customer ${i}` } }),
      )
      const answers = await Promise.all(
        events.map(async (event) => {
          const body = JSON.stringify(event)
          const headers = await signPayload({ secret, id: event.id, body })
          return (await door(new Request('http://receiver.test/', { method: 'POST', headers, body }))).status
        }),
      )
      await waitUntil(
        'every job completed or dead-lettered',
        async () =>
          (await queue.inbox.list({ state: 'completed' })).length === EVENTS - POISONED &&
          (await queue.inbox.list({ state: 'failed' })).length === POISONED,
      )
      const failed = await queue.inbox.list({ state: 'failed' })
      const poisonIds = events.slice(0, POISONED).map((e) => e.id)
      const attemptsBeforeReplay = poisonIds.map((id) => attemptsOf.get(id))

      downstreamUp = true
      const replayed = await queue.replayFailed()
      await waitUntil('every replayed job completed', async () => completed.size === EVENTS)
      const afterReplay = await queue.inbox.list({ state: 'failed' })
      const runsNotOnce = [...completed.values()].filter((n) => n !== 1).length
      recordFigures({
        file: import.meta.url,
        id: '7-queue-dead-letter',
        title: 'Durable queue: dead letter and replay (BullMQ)',
        summary: {
          tried: EVENTS,
          faults: POISONED * ATTEMPTS,
          lost: EVENTS - completed.size,
          duplicates: runsNotOnce,
          wrong: answers.filter((s) => s !== 202).length + afterReplay.length,
        },
        figures: [
          { label: 'events queued (answered 202)', value: answers.filter((s) => s === 202).length },
          { label: 'events whose handler always failed', value: POISONED },
          { label: 'attempts each before the dead letter', value: ATTEMPTS },
          { label: 'listed by inbox.list({ state: "failed" })', value: failed.length },
          { label: 'replayed by replayFailed()', value: replayed },
          { label: 'completed after the replay', value: completed.size },
          { label: 'handlers completed more than once', value: runsNotOnce },
        ],
      })
      expect(answers.every((status) => status === 202)).toBe(true)
      expect(failed.map((entry) => entry.id).sort()).toEqual([...poisonIds].sort())
      const nameOf = new Map(events.map((event) => [event.id, event.data.name]))
      for (const entry of failed) {
        expect(entry).toMatchObject({ state: 'failed', attempts: ATTEMPTS, type: 'customer.created' })
        expect(entry.lastError).toBe(
          `1 of 1 handler of customer.created (${entry.id}) failed: CRM refused ${nameOf.get(entry.id)}`,
        )
      }
      expect(attemptsBeforeReplay).toEqual(poisonIds.map(() => ATTEMPTS))
      expect(replayed).toBe(POISONED)
      expect(afterReplay).toEqual([])
      expect(runsNotOnce).toBe(0)
      expect(await queue.inbox.get(poisonIds[0]!)).toMatchObject({ state: 'completed', attempts: 1 })
    } finally {
      await worker.close()
      await queue.close()
    }
  }, 60_000)
})
