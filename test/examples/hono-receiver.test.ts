import { generateWebhookSecret } from '@octopuspro/contract'
import { createTestEvent, sendTestWebhook, signPayload } from '@octopuspro/webhooks/testing'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../examples/hono-receiver/src/app.js'
import { InMemoryTaskList } from '../../examples/hono-receiver/src/tasks.js'
import { runExample } from './helpers/run-example.js'

const secret = generateWebhookSecret()

/** Posts an event to the app in process, signed as OctopusPro signs it. */
async function post(app: ReturnType<typeof createApp>, event: { id: string }, signWith: string = secret) {
  // #region app-request
  const body = JSON.stringify(event)
  const headers = await signPayload({ secret: signWith, id: event.id, body })
  const response = await app.request('/webhooks/octopuspro', { method: 'POST', headers, body })
  // #endregion app-request
  return response
}

describe('examples/hono-receiver (in process, app.request)', () => {
  it('turns a missed call into one callback task, however often the event arrives', async () => {
    const tasks = new InMemoryTaskList()
    const app = createApp({ secret, tasks })
    const event = createTestEvent('communication.call_missed', {
      data: { from: '+1 555 0142', occurred_at: '2026-11-27T09:30:00.000Z' },
    })

    const response = await post(app, event)
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    const redelivered = await post(app, event)
    expect(redelivered.status).toBe(200)
    expect(await redelivered.json()).toEqual({ duplicate: true, id: event.id })

    expect(await (await app.request('/tasks')).json()).toEqual([
      {
        kind: 'call_back',
        subject: event.data.id,
        title: 'Call back +1 555 0142 (missed at 2026-11-27T09:30:00.000Z)',
      },
    ])
  })

  it('tells sales when a quote changes status, and only then', async () => {
    const tasks = new InMemoryTaskList()
    const app = createApp({ secret, tasks })
    const accepted = createTestEvent('quote.updated', {
      data: { status: 'accepted' },
      previous_attributes: { status: 'sent' },
    })
    const renamed = createTestEvent('quote.updated', {
      data: { notes: 'Gate code 1234' },
      previous_attributes: { notes: null },
    })

    expect((await post(app, accepted)).status).toBe(204)
    expect((await post(app, renamed)).status).toBe(204)
    expect(tasks.list()).toEqual([
      { kind: 'review_quote', subject: accepted.data.id, title: `Quote ${accepted.data.id}: sent → accepted` },
    ])
  })

  it('refuses a bad signature (401), a non-POST (404 from Hono: no such route) and a parsed body', async () => {
    const tasks = new InMemoryTaskList()
    const app = createApp({ secret, tasks })
    const event = createTestEvent('communication.call_missed')

    const forged = await post(app, event, generateWebhookSecret())
    expect(forged.status).toBe(401)
    expect(await forged.json()).toMatchObject({ error: { reason: 'no_matching_signature' } })

    const headers = await signPayload({ secret, id: event.id, body: JSON.stringify(event) })
    const reformatted = await app.request('/webhooks/octopuspro', {
      method: 'POST',
      headers,
      body: JSON.stringify(event, null, 2),
    })
    expect(reformatted.status).toBe(401) // the signature covers the exact bytes

    expect((await app.request('/webhooks/octopuspro')).status).toBe(404)
    expect(tasks.list()).toEqual([])
  })

  it('keeps accepting the old secret during a rotation', async () => {
    const next = generateWebhookSecret()
    const app = createApp({ secret: [next, secret] })
    expect((await post(app, createTestEvent('communication.call_missed'), secret)).status).toBe(204)
    expect((await post(app, createTestEvent('communication.call_missed'), next)).status).toBe(204)
  })
})

describe('examples/hono-receiver (pnpm start, on a port)', () => {
  it('serves the app on Node with @hono/node-server', async () => {
    const receiver = runExample('hono-receiver', 'start', {
      OCTOPUSPRO_WEBHOOK_SECRET: secret,
      PORT: '0',
      HOST: '127.0.0.1',
    })
    try {
      const line = await receiver.waitForLine((l) => l.startsWith('Receiving OctopusPro webhooks at '))
      const url = line.split(' ')[4]!
      const event = createTestEvent('communication.call_missed')
      expect((await sendTestWebhook(url, { secret, event })).status).toBe(204)
      const tasks = (await (await fetch(url.replace('/webhooks/octopuspro', '/tasks'))).json()) as { subject: string }[]
      expect(tasks.map((task) => task.subject)).toEqual([event.data.id])
    } finally {
      expect(await receiver.stop()).toBe(0)
    }
    expect(receiver.stderr).toBe('')
  })
})
