import { setTimeout as sleep } from 'node:timers/promises'
import { createSampleEvent } from '@octopuspro/contract/samples'
import { afterEach, expect, it } from 'vitest'
import {
  createWorker,
  type DedupeStore,
  isWebhookHandlerError,
  memoryDedupe,
  type QueueConsumer,
  queueWebhooks,
  type WebhookError,
  type WebhookQueue,
  Webhooks,
} from '../../src/index.js'
import { now, OTHER_SECRET, SECRET, signed } from '../helpers.js'

/** Polls until `condition` holds (a worker runs in the background); fails with `what` after 10 s. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await sleep(5)
  }
}

/** Claims `id` in the store as another worker would; resolves with the claim's token. */
async function claimAsAnotherWorker(dedupe: DedupeStore, id: string): Promise<string> {
  const claim = await dedupe.claim(id)
  if (claim.status !== 'new') throw new Error(`expected a new claim of ${id}, got ${claim.status}`)
  return claim.token
}

/** Settings every engine's queue gets in these tests: 3 attempts, short backoff. */
export const FLOW_QUEUE_OPTIONS = { attempts: 3, backoffMs: 20 }

/**
 * The queue door, the worker and the inbox, run against any engine. `makeQueue()` gives a fresh, empty queue
 * with {@link FLOW_QUEUE_OPTIONS}; `makeDedupe()` a fresh dedupe store.
 */
export function queueFlowTests(makeQueue: () => WebhookQueue, makeDedupe: () => DedupeStore = memoryDedupe): void {
  const opened: { close(): Promise<void> }[] = []
  afterEach(async () => {
    for (const closable of opened.splice(0).reverse()) await closable.close()
  })
  let sequence = 0

  function setUp() {
    const queue = makeQueue()
    const webhooks = new Webhooks({ secret: SECRET, now })
    const errors: WebhookError[] = []
    webhooks.onError((error) => void errors.push(error))
    const door = queueWebhooks(webhooks, { queue })
    const dedupe = makeDedupe()
    opened.push(queue)
    const startWorker = (concurrency = 2): QueueConsumer => {
      const worker = createWorker(webhooks, { queue, concurrency, dedupe })
      opened.push(worker)
      return worker
    }
    return { queue, webhooks, errors, door, dedupe, startWorker }
  }

  async function delivery(secret = SECRET) {
    const event = createSampleEvent('booking.created', { id: `evt_queue${Date.now()}x${++sequence}` })
    const { headers, body } = await signed(JSON.stringify(event), { id: event.id, secret })
    return { event, request: () => new Request('http://receiver.test/', { method: 'POST', headers, body }) }
  }

  it('answers 202 once the queue holds the event; a worker then runs its handlers once', async () => {
    const { queue, webhooks, door, startWorker } = setUp()
    const seen: string[] = []
    webhooks.on('booking.created', (event) => void seen.push(event.id))
    const { event, request } = await delivery()
    const response = await door(request())
    expect(response.status).toBe(202)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await response.json()).toEqual({ queued: true, id: event.id })
    expect(seen).toEqual([])
    expect(await queue.inbox.get(event.id)).toMatchObject({ id: event.id, state: 'queued', attempts: 0 })
    startWorker()
    await waitFor('the event is completed', async () => (await queue.inbox.get(event.id))?.state === 'completed')
    expect(seen).toEqual([event.id])
    const entry = await queue.inbox.get(event.id)
    expect(entry).toMatchObject({ type: 'booking.created', attempts: 1, lastError: undefined, event })
    expect(Date.parse(entry!.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(entry!.receivedAt))
  })

  it('refuses a delivery that does not verify, as the receiver does, and queues nothing', async () => {
    const { queue, door } = setUp()
    const { event, request } = await delivery(OTHER_SECRET)
    const response = await door(request())
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: { reason: 'no_matching_signature' } })
    expect(await queue.inbox.get(event.id)).toBeUndefined()
    expect(await queue.inbox.list()).toEqual([])
  })

  it('runs the handlers once for an event delivered again before and after it was handled', async () => {
    const { queue, webhooks, door, startWorker } = setUp()
    let calls = 0
    webhooks.on('booking.created', () => void calls++)
    const { event, request } = await delivery()
    expect([(await door(request())).status, (await door(request())).status]).toEqual([202, 202])
    startWorker()
    await waitFor('the event is completed', async () => (await queue.inbox.get(event.id))?.state === 'completed')
    expect((await door(request())).status).toBe(202)
    await sleep(100)
    expect(calls).toBe(1)
    expect(await queue.inbox.list()).toHaveLength(1)
  })

  it('retries a failing handler with backoff and completes once it succeeds; onError sees each failure', async () => {
    const { queue, webhooks, errors, door, startWorker } = setUp()
    let calls = 0
    webhooks.on('booking.created', () => {
      if (++calls < 3) throw new Error(`flaky ${calls}`)
    })
    const { event, request } = await delivery()
    await door(request())
    startWorker()
    await waitFor('the event is completed', async () => (await queue.inbox.get(event.id))?.state === 'completed')
    expect(calls).toBe(3)
    expect(errors.map((e) => (isWebhookHandlerError(e) ? (e.errors[0] as Error).message : e.code))).toEqual([
      'flaky 1',
      'flaky 2',
    ])
  })

  it('dead-letters a job whose handler always fails, lists it as failed, and replay runs it again', async () => {
    const { queue, webhooks, door, startWorker } = setUp()
    let fixed = false
    let calls = 0
    webhooks.on('booking.created', () => {
      calls++
      if (!fixed) throw new Error('the CRM is down')
    })
    const { event, request } = await delivery()
    await door(request())
    startWorker()
    await waitFor('the event is failed', async () => (await queue.inbox.get(event.id))?.state === 'failed')
    expect(calls).toBe(3)
    const failed = await queue.inbox.list({ state: 'failed' })
    expect(failed).toEqual([expect.objectContaining({ id: event.id, state: 'failed', attempts: 3 })])
    expect(failed[0]!.lastError).toContain('the CRM is down')
    expect(await queue.inbox.list({ state: 'completed' })).toEqual([])

    fixed = true
    expect(await queue.replay('evt_unknown')).toBe(false)
    expect(await queue.replay(event.id)).toBe(true)
    await waitFor('the replay completed', async () => (await queue.inbox.get(event.id))?.state === 'completed')
    expect(calls).toBe(4)
    expect(await queue.replay(event.id)).toBe(false)
    expect(await queue.inbox.list({ state: 'failed' })).toEqual([])
  })

  it('replayFailed queues every dead-lettered job again', async () => {
    const { queue, webhooks, door, startWorker } = setUp()
    let fixed = false
    const handled = new Set<string>()
    webhooks.on('booking.created', (event) => {
      if (!fixed) throw new Error('down')
      handled.add(event.id)
    })
    const sent = [await delivery(), await delivery()]
    for (const { request } of sent) await door(request())
    startWorker()
    await waitFor('both failed', async () => (await queue.inbox.list({ state: 'failed' })).length === 2)
    fixed = true
    expect(await queue.replayFailed()).toBe(2)
    await waitFor('both completed', async () => (await queue.inbox.list({ state: 'completed' })).length === 2)
    expect([...handled].sort()).toEqual(sent.map(({ event }) => event.id).sort())
    expect(await queue.replayFailed()).toBe(0)
  })

  it('waits, without using an attempt, while another worker holds the event in the dedupe store', async () => {
    const { queue, webhooks, door, dedupe, startWorker } = setUp()
    let calls = 0
    webhooks.on('booking.created', () => void calls++)
    const { event, request } = await delivery()
    const token = await claimAsAnotherWorker(dedupe, event.id)
    await door(request())
    startWorker()
    await sleep(300) // several backoffs (20 ms) pass: with 3 attempts it would be dead-lettered by now if counted
    expect(calls).toBe(0)
    expect((await queue.inbox.get(event.id))?.state).not.toBe('failed')
    await dedupe.release(event.id, token)
    await waitFor('the event is completed', async () => (await queue.inbox.get(event.id))?.state === 'completed')
    expect(calls).toBe(1)
  })

  it('skips an event the dedupe store already marks handled (a redelivery after the job left the inbox)', async () => {
    const { queue, webhooks, door, dedupe, startWorker } = setUp()
    let calls = 0
    webhooks.on('booking.created', () => void calls++)
    const { event, request } = await delivery()
    const token = await claimAsAnotherWorker(dedupe, event.id)
    await dedupe.complete(event.id, token)
    await door(request())
    startWorker()
    await waitFor('the job is completed', async () => (await queue.inbox.get(event.id))?.state === 'completed')
    expect(calls).toBe(0)
  })
}
