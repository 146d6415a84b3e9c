import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateWebhookSecret } from '@octopuspro/contract'
import { createTestEvent, sendTestWebhook } from '@octopuspro/webhooks/testing'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningExample, runExample } from './helpers/run-example.js'

const redisUrl = process.env.REDIS_URL
if (!redisUrl && process.env.CI)
  throw new Error('REDIS_URL must be set in CI: the express-receiver example dedupes in Redis')

/** Starts one replica of the receiver on a free port and resolves with its webhook URL once it listens. */
async function startReplica(secret: string, prefix: string) {
  const receiver = runExample('express-receiver', 'start', {
    OCTOPUSPRO_WEBHOOK_SECRET: secret,
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: redisUrl,
    OCTOPUSPRO_DEDUPE_PREFIX: prefix,
  })
  const listening = JSON.parse(await receiver.waitForLine((line) => line.includes('"msg":"listening"'))) as {
    port: number
  }
  return {
    receiver,
    url: `http://127.0.0.1:${listening.port}/webhooks/octopuspro`,
    health: `http://127.0.0.1:${listening.port}/healthz`,
  }
}

function answersFor(receiver: RunningExample, webhookId: string) {
  return receiver.jsonLines().filter((line) => line.webhookId === webhookId && String(line.msg).startsWith('webhook '))
}

describe.skipIf(!redisUrl)('examples/express-receiver (Redis dedupe, two replicas)', () => {
  const secret = generateWebhookSecret()
  const prefix = `octopuspro-examples:${process.pid}:${Date.now()}:`
  let a: Awaited<ReturnType<typeof startReplica>>
  let b: Awaited<ReturnType<typeof startReplica>>

  beforeAll(async () => {
    ;[a, b] = await Promise.all([startReplica(secret, prefix), startReplica(secret, prefix)])
  })

  afterAll(async () => {
    await Promise.all([a?.receiver.stop(), b?.receiver.stop()])
    const redis = new Redis(redisUrl!)
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length > 0) await redis.del(...keys)
    await redis.quit()
  })

  it('handles a signed event (204), logs it; a second replica ignores the redelivery (200) through Redis', async () => {
    // #region send-test-webhook
    const event = createTestEvent('booking.created', { data: { service: 'Gutter cleaning' } }) // valid, fresh id, now
    const first = await sendTestWebhook(a.url, { secret, event }) // signed as OctopusPro signs it
    // #endregion send-test-webhook
    expect(first.status).toBe(204)
    const again = await sendTestWebhook(b.url, { secret, event })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ duplicate: true, id: event.id })

    await a.receiver.waitForLine((line) => line.includes('"msg":"webhook answered"') && line.includes(event.id))
    const logA = a.receiver.jsonLines()
    expect(logA.find((line) => line.msg === 'event received' && line.eventId === event.id)).toMatchObject({
      level: 'info',
      type: 'booking.created',
      test: false,
    })
    expect(logA.find((line) => line.msg === 'job card created' && line.bookingId === event.data.id)).toMatchObject({
      service: 'Gutter cleaning',
      start: event.data.scheduled_start,
    })
    expect(answersFor(a.receiver, event.id)).toEqual([
      expect.objectContaining({ msg: 'webhook answered', status: 204 }),
    ])

    await b.receiver.waitForLine((line) => line.includes('"msg":"webhook answered"') && line.includes(event.id))
    expect(answersFor(b.receiver, event.id)).toEqual([
      expect.objectContaining({ msg: 'webhook answered', status: 200 }),
    ])
    // the duplicate did not run the handlers on the second replica
    expect(b.receiver.jsonLines().filter((line) => line.eventId === event.id)).toEqual([])
  })

  it('refuses a delivery signed with another secret (401) and logs the refusal', async () => {
    const event = createTestEvent('payment.approved')
    const response = await sendTestWebhook(a.url, { secret: generateWebhookSecret(), event })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: { reason: 'no_matching_signature' } })
    await a.receiver.waitForLine((line) => line.includes('"msg":"webhook refused"') && line.includes(event.id))
    expect(answersFor(a.receiver, event.id)).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'webhook refused', status: 401 }),
    ])
    expect(a.receiver.jsonLines().filter((line) => line.msg === 'event received' && line.eventId === event.id)).toEqual(
      [],
    )
  })

  it('accepts both secrets during a rotation', async () => {
    const next = generateWebhookSecret()
    const rotating = await startReplica(`${next} ${secret}`, prefix)
    try {
      const signedWithOld = await sendTestWebhook(rotating.url, { secret, event: createTestEvent('customer.created') })
      const signedWithNew = await sendTestWebhook(rotating.url, {
        secret: next,
        event: createTestEvent('customer.created'),
      })
      expect([signedWithOld.status, signedWithNew.status]).toEqual([204, 204])
      expect(rotating.receiver.jsonLines().find((line) => line.msg === 'listening')).toMatchObject({ secrets: 2 })
    } finally {
      await rotating.receiver.stop()
    }
  })

  it('answers its health check while Redis answers', async () => {
    const response = await fetch(a.health)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
  })

  it('shuts down gracefully on SIGTERM: stops listening, closes Redis, exits 0', async () => {
    const replica = await startReplica(secret, prefix)
    const code = await replica.receiver.stop('SIGTERM')
    expect(code).toBe(0)
    expect(replica.receiver.stderr).toBe('')
    const messages = replica.receiver.jsonLines().map((line) => line.msg)
    expect(messages).toEqual(['listening', 'shutting down', 'stopped'])
    expect(replica.receiver.jsonLines()[1]).toMatchObject({ signal: 'SIGTERM' })
  })
})

describe('examples/express-receiver configuration', () => {
  it.skipIf(!redisUrl)('exits 1 when its port is taken, saying why', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = String((blocker.address() as AddressInfo).port)
    try {
      const receiver = runExample('express-receiver', 'start', {
        OCTOPUSPRO_WEBHOOK_SECRET: generateWebhookSecret(),
        REDIS_URL: redisUrl,
        PORT: port,
        HOST: '127.0.0.1',
      })
      expect(await receiver.exited).toBe(1)
      expect(receiver.jsonLines()).toEqual([
        expect.objectContaining({
          level: 'error',
          msg: 'failed to start',
          error: expect.stringContaining('EADDRINUSE'),
        }),
      ])
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })

  it('refuses to start without a secret, saying where to find one', async () => {
    const receiver = runExample('express-receiver', 'start', {
      OCTOPUSPRO_WEBHOOK_SECRET: '',
      REDIS_URL: 'redis://127.0.0.1:1',
    })
    expect(await receiver.exited).toBe(1)
    expect(receiver.jsonLines()).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'failed to start',
        error: expect.stringContaining('OCTOPUSPRO_WEBHOOK_SECRET is not set'),
      }),
    ])
  })
})
