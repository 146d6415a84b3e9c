import { createServer } from 'node:http'
import { createSampleEvent } from '@octopuspro/contract/samples'
import express from 'express'
import { describe, expect, it } from 'vitest'
import {
  expressWebhooks,
  isWebhooksError,
  memoryQueue,
  nodeWebhooks,
  QueueError,
  queueWebhooks,
  type WebhookError,
  type WebhookQueue,
  Webhooks,
} from '../../src/index.js'
import { listen, now, SECRET, signed } from '../helpers.js'
import { FLOW_QUEUE_OPTIONS, queueFlowTests } from './queue-flow.js'

describe('memoryQueue with the queue door and createWorker', () => {
  queueFlowTests(() => memoryQueue(FLOW_QUEUE_OPTIONS))
})

async function signedEvent() {
  const event = createSampleEvent('payment.approved', { id: `evt_mem${Date.now()}` })
  return { event, ...(await signed(JSON.stringify(event), { id: event.id })) }
}

describe('the queue door', () => {
  it('answers 503 queue_unavailable (retry-after: 5) when the queue fails, and reports a QueueError', async () => {
    const broken: WebhookQueue = { ...memoryQueue(), add: () => Promise.reject(new Error('connection refused')) }
    const webhooks = new Webhooks({ secret: SECRET, now })
    const errors: WebhookError[] = []
    webhooks.onError((error) => void errors.push(error))
    const { event, headers, body } = await signedEvent()
    const response = await queueWebhooks(webhooks, { queue: broken })(
      new Request('http://receiver.test/', { method: 'POST', headers, body }),
    )
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(await response.json()).toEqual({
      error: {
        reason: 'queue_unavailable',
        message: `${event.id} could not be queued (the queue is unavailable); the delivery will be retried`,
      },
    })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toBeInstanceOf(QueueError)
    expect(isWebhooksError(errors[0])).toBe(true)
    expect(errors[0]).toMatchObject({ code: 'queue_failed', operation: 'add', webhookId: event.id })
  })

  it('mounts in Express and node:http through the existing doors', async () => {
    const queue = memoryQueue()
    const door = queueWebhooks(new Webhooks({ secret: SECRET, now }), { queue })
    const app = express()
    app.post('/hook', expressWebhooks(door))
    const servers = [await listen(createServer(app)), await listen(createServer(nodeWebhooks(door)))]
    try {
      for (const [i, server] of servers.entries()) {
        const { event, headers, body } = await signedEvent()
        const response = await fetch(`${server.url}/hook`, { method: 'POST', headers, body })
        expect([i, response.status, await response.json()]).toEqual([i, 202, { queued: true, id: event.id }])
        expect((await queue.inbox.get(event.id))?.state).toBe('queued')
      }
      const wrongMethod = await fetch(`${servers[0]!.url}/hook`, { method: 'PUT', body: '{}' })
      expect(wrongMethod.status).toBe(404) // Express routes only POST here
    } finally {
      await Promise.all(servers.map((server) => server.close()))
      await queue.close()
    }
  })
})

describe('memoryQueue retention', () => {
  it('forgets completed and failed jobs retentionMs after they finished', async () => {
    let clock = 1_000_000
    const queue = memoryQueue({ retentionMs: 60_000, attempts: 1, now: () => clock })
    const consumer = queue.consume(
      async (job) => {
        if (job.id === 'evt_bad') throw new Error('bad')
      },
      { concurrency: 1 },
    )
    const event = createSampleEvent('booking.created')
    await queue.add({ id: 'evt_good', event, receivedAt: new Date(clock).toISOString() })
    await queue.add({ id: 'evt_bad', event, receivedAt: new Date(clock).toISOString() })
    await consumer.close()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await queue.inbox.list()).map((e) => [e.id, e.state])).toEqual([
      ['evt_good', 'completed'],
      ['evt_bad', 'failed'],
    ])
    clock += 59_999
    expect(await queue.inbox.list()).toHaveLength(2)
    clock += 1
    expect(await queue.inbox.list()).toEqual([])
    await queue.close()
  })

  it('refuses options that are not positive integers, naming them', () => {
    expect(() => memoryQueue({ attempts: 0 })).toThrow('attempts must be a positive integer, got 0')
    expect(() => memoryQueue({ backoffMs: 1.5 })).toThrow('backoffMs must be a positive integer, got 1.5')
  })
})
