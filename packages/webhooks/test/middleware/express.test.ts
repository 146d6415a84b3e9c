import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import express from 'express'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expressWebhooks, memoryDedupe, Webhooks, type WebhooksOptions } from '../../src/index.js'
import { createTestEvent, sendTestWebhook } from '../../src/testing/index.js'
import { listen, SECRET } from '../helpers.js'

const require = createRequire(import.meta.url)
const express4 = require('express4') as typeof express

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function start(app: express.Express): Promise<string> {
  const { url, close } = await listen(createServer(app))
  closers.push(close)
  return url
}

describe.each([
  ['Express 4', express4, require('express4/package.json').version as string],
  ['Express 5', express, require('express/package.json').version as string],
])('expressWebhooks on %s', (name, expressOf, version) => {
  it('runs that major version', () => {
    expect(version.split('.')[0]).toBe(name.slice(-1))
  })

  function receiver(options: Partial<WebhooksOptions> = {}) {
    const webhooks = new Webhooks({ secret: SECRET, ...options })
    const received = vi.fn()
    webhooks.onAny(received)
    return { webhooks, received }
  }

  it('reads the raw body itself when no body parser ran', async () => {
    const { webhooks, received } = receiver()
    const app = expressOf()
    app.post('/webhooks', expressWebhooks(webhooks))
    app.use(expressOf.json())
    app.post('/api', (req, res) => void res.json(req.body))
    const url = await start(app)
    const event = createTestEvent('payment.approved')
    const response = await sendTestWebhook(`${url}/webhooks`, { secret: SECRET, event })
    expect(response.status).toBe(204)
    expect(received).toHaveBeenCalledExactlyOnceWith(event)
    // The JSON parser mounted after it still serves the other routes.
    const api = await fetch(`${url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    })
    expect(await api.json()).toEqual({ a: 1 })
  })

  it('refuses a body express.json() already parsed with 400 body_not_raw, saying how to mount it', async () => {
    const { webhooks, received } = receiver()
    const app = expressOf()
    app.use(expressOf.json())
    app.post('/webhooks', expressWebhooks(webhooks))
    const url = await start(app)
    const response = await sendTestWebhook(`${url}/webhooks`, {
      secret: SECRET,
      event: createTestEvent('payment.approved'),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {
        reason: 'body_not_raw',
        message:
          'the request body is already parsed (got an object), so its signed bytes are lost: mount the webhook ' +
          'middleware before express.json() (or any JSON body parser), or use express.raw({ type: ' +
          "'application/json' }) " +
          'on the webhook route',
      },
    })
    expect(received).not.toHaveBeenCalled()
  })

  it('takes the Buffer of express.raw() and the string of express.text()', async () => {
    const { webhooks, received } = receiver()
    const app = expressOf()
    app.post('/raw', expressOf.raw({ type: 'application/json' }), expressWebhooks(webhooks))
    app.post('/text', expressOf.text({ type: 'application/json' }), expressWebhooks(webhooks))
    const url = await start(app)
    for (const path of ['/raw', '/text']) {
      const response = await sendTestWebhook(`${url}${path}`, {
        secret: SECRET,
        event: createTestEvent('booking.created'),
      })
      expect(response.status).toBe(204)
    }
    expect(received).toHaveBeenCalledTimes(2)
  })

  it('reads the stream when a parser that skipped the request left an empty req.body', async () => {
    const { webhooks, received } = receiver()
    const app = expressOf()
    app.use(expressOf.urlencoded({ extended: false }))
    app.post('/webhooks', expressWebhooks(webhooks))
    const url = await start(app)
    const response = await sendTestWebhook(`${url}/webhooks`, {
      secret: SECRET,
      event: createTestEvent('booking.created'),
    })
    expect(response.status).toBe(204)
    expect(received).toHaveBeenCalledOnce()
  })

  it('answers 413 for a body over maxBodyBytes, whether it reads it or express.raw() did', async () => {
    const { webhooks } = receiver({ maxBodyBytes: 200 })
    const app = expressOf()
    app.post('/webhooks', expressWebhooks(webhooks))
    app.post('/raw', expressOf.raw({ type: 'application/json' }), expressWebhooks(webhooks))
    const url = await start(app)
    for (const path of ['/webhooks', '/raw']) {
      const response = await sendTestWebhook(`${url}${path}`, {
        secret: SECRET,
        event: createTestEvent('customer.created'),
      })
      expect(response.status).toBe(413)
      expect((await response.json()).error.reason).toBe('payload_too_large')
    }
  })

  it('answers 401 to a wrong signature and 200 to a duplicate', async () => {
    const { webhooks, received } = receiver({ dedupe: memoryDedupe() })
    const app = expressOf()
    app.post('/webhooks', expressWebhooks(webhooks))
    const url = await start(app)
    const event = createTestEvent('invoice.created')
    const wrong = await sendTestWebhook(`${url}/webhooks`, { secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD', event })
    expect(wrong.status).toBe(401)
    expect((await wrong.json()).error.reason).toBe('no_matching_signature')
    expect((await sendTestWebhook(`${url}/webhooks`, { secret: SECRET, event })).status).toBe(204)
    const duplicate = await sendTestWebhook(`${url}/webhooks`, { secret: SECRET, event })
    expect(duplicate.status).toBe(200)
    expect(await duplicate.json()).toEqual({ duplicate: true, id: event.id })
    expect(received).toHaveBeenCalledOnce()
  })
})
