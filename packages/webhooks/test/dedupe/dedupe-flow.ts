import { createSampleEvent } from '@octopuspro/contract/samples'
import { expect, it } from 'vitest'
import { type DedupeStore, Webhooks } from '../../src/index.js'
import { deferred, now, SECRET, signed } from '../helpers.js'

/**
 * The middleware's dedupe behaviour, run against any store. `stores(n)` gives n stores that share state (n
 * processes on one Redis, or one in-memory store n times).
 */
export function dedupeFlowTests(stores: (count: number) => DedupeStore[]): void {
  let sequence = 0
  async function delivery() {
    const event = createSampleEvent('booking.created', { id: `evt_flow${Date.now()}x${++sequence}` })
    return signed(JSON.stringify(event), { id: event.id })
  }
  const post = async (webhooks: Webhooks, { headers, body }: { headers: Record<string, string>; body: string }) =>
    webhooks.handle(new Request('http://receiver.test/', { method: 'POST', headers, body }))

  it('answers 200 to a delivery of a completed event without running its handlers again', async () => {
    const [store] = stores(1)
    const webhooks = new Webhooks({ secret: SECRET, now, dedupe: store })
    let calls = 0
    webhooks.on('booking.created', () => void calls++)
    const sent = await delivery()
    expect((await post(webhooks, sent)).status).toBe(204)
    const again = await post(webhooks, sent)
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ duplicate: true, id: sent.headers['webhook-id'] })
    expect(calls).toBe(1)
  })

  it('runs the handlers once for concurrent deliveries of the same event', async () => {
    const webhooks = stores(4).map((dedupe) => new Webhooks({ secret: SECRET, now, dedupe }))
    let calls = 0
    for (const receiver of webhooks) receiver.on('booking.created', () => void calls++)
    const sent = await delivery()
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post(webhooks[i % 4] as Webhooks, sent).then((r) => r.status)),
    )
    expect(calls).toBe(1)
    expect(statuses.filter((status) => status === 204)).toHaveLength(1)
    expect(statuses.every((status) => [204, 200, 409].includes(status))).toBe(true)
  })

  it('answers 409 while the event is being handled elsewhere', async () => {
    const webhooks = stores(2).map((dedupe) => new Webhooks({ secret: SECRET, now, dedupe }))
    const started = deferred()
    const release = deferred()
    webhooks[0]!.on('booking.created', async () => {
      started.resolve()
      await release.promise
    })
    const sent = await delivery()
    const first = post(webhooks[0]!, sent)
    await started.promise
    const second = await post(webhooks[1]!, sent)
    expect(second.status).toBe(409)
    expect(await second.json()).toEqual({
      error: {
        reason: 'in_flight',
        message: `${sent.headers['webhook-id']} is being handled by another request; retry later`,
      },
    })
    release.resolve()
    expect((await first).status).toBe(204)
    expect((await post(webhooks[1]!, sent)).status).toBe(200)
  })

  it('runs a failed event again on the retry, then never again once it succeeded', async () => {
    const [store] = stores(1)
    const webhooks = new Webhooks({ secret: SECRET, now, dedupe: store })
    let calls = 0
    webhooks.on('booking.created', () => {
      calls++
      if (calls === 1) throw new Error('first attempt fails')
    })
    webhooks.onError(() => undefined)
    const sent = await delivery()
    expect((await post(webhooks, sent)).status).toBe(500)
    expect((await post(webhooks, sent)).status).toBe(204)
    expect((await post(webhooks, sent)).status).toBe(200)
    expect(calls).toBe(2)
  })
}
