import { createSampleEvent } from '@octopuspro/contract/samples'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type WebhookRequest, Webhooks } from '../../src/index.js'
import { now, SECRET, signed } from '../helpers.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('webhooks.respond (the generic middleware, for other frameworks)', () => {
  it('answers a framework-neutral request with status, headers and body', async () => {
    const webhooks = new Webhooks({ secret: SECRET, now })
    const received = vi.fn()
    webhooks.onAny(received)
    const event = createSampleEvent('quote.created')
    const delivery = await signed(JSON.stringify(event), { id: event.id })
    const readBody = vi.fn(async () => Buffer.from(delivery.body))
    const request: WebhookRequest = { method: 'POST', header: (name) => delivery.headers[name], readBody }
    expect(await webhooks.respond(request)).toEqual({ status: 204, headers: {}, body: null })
    expect(readBody).toHaveBeenCalledExactlyOnceWith(1024 * 1024)
    expect(received).toHaveBeenCalledExactlyOnceWith(event)
  })

  it('answers 413 when the reader reports the limit crossed (null)', async () => {
    const webhooks = new Webhooks({ secret: SECRET, now })
    const answer = await webhooks.respond({ method: 'POST', header: () => undefined, readBody: async () => null })
    expect(answer.status).toBe(413)
  })

  it('answers 500 internal_error, without details, if something unexpected throws', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const webhooks = new Webhooks({ secret: SECRET, now })
    const failure = new Error('adapter bug')
    const answer = await webhooks.respond({
      method: 'POST',
      header: () => {
        throw failure
      },
      readBody: async () => '',
    })
    expect(answer).toEqual({
      status: 500,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        error: { reason: 'internal_error', message: 'the webhook receiver failed unexpectedly; see its logs' },
      }),
    })
    expect(consoleError).toHaveBeenCalledExactlyOnceWith(
      '@octopuspro/webhooks failed unexpectedly (please report this bug)',
      failure,
    )
  })
})
