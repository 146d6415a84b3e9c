import { createSampleEvent } from '@octopuspro/contract/samples'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type DedupeStore,
  memoryDedupe,
  type WebhookError,
  type WebhookHandlerError,
  Webhooks,
} from '../../src/index.js'
import { deferred, now, OTHER_SECRET, SECRET, signed } from '../helpers.js'

const event = createSampleEvent('payment.approved')
const body = JSON.stringify(event)
const URL = 'http://receiver.test/webhooks'

async function post(
  webhooks: Webhooks,
  init: { body?: BodyInit; headers?: Record<string, string>; method?: string } = {},
) {
  const delivery = await signed(body, { id: event.id })
  const response = await webhooks.handle(
    new Request(URL, {
      method: init.method ?? 'POST',
      headers: init.headers ?? delivery.headers,
      body: init.body ?? delivery.body,
    }),
  )
  const text = await response.text()
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: text === '' ? null : JSON.parse(text),
  }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('webhooks.handle (fetch runtimes)', () => {
  it('answers 204 with no body once the handlers succeeded, and passes them the parsed event', async () => {
    const webhooks = new Webhooks({ secret: SECRET, now })
    const handler = vi.fn()
    webhooks.on('payment.approved', handler)
    expect(await post(webhooks)).toEqual({ status: 204, headers: {}, body: null })
    expect(handler).toHaveBeenCalledExactlyOnceWith(event)
  })

  it('is a bound function', async () => {
    const { handle } = new Webhooks({ secret: SECRET, now })
    const delivery = await signed(body, { id: event.id })
    expect((await handle(new Request(URL, { method: 'POST', ...delivery }))).status).toBe(204)
  })

  it('answers 401 with the reason when verification fails', async () => {
    const webhooks = new Webhooks({ secret: OTHER_SECRET, now })
    const answer = await post(webhooks)
    expect(answer.status).toBe(401)
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.body.error.reason).toBe('no_matching_signature')
    expect(answer.body.error.message).toMatch(/^none of the 1 signature\(s\) matches/)
    const { headers } = await signed(body)
    const missing = await post(webhooks, { headers: { ...headers, 'webhook-id': '' } })
    expect(missing).toMatchObject({ status: 401, body: { error: { reason: 'missing_header' } } })
  })

  it('answers 400 for a body that is not JSON or not a valid event, and never runs handlers', async () => {
    const webhooks = new Webhooks({ secret: SECRET, now })
    const handler = vi.fn()
    webhooks.onAny(handler)
    const notJson = await signed('{oops')
    expect(await post(webhooks, notJson)).toMatchObject({ status: 400, body: { error: { reason: 'invalid_json' } } })
    const invalid = await signed(JSON.stringify({ ...event, data: { ...event.data, amount: 'lots' } }))
    const answer = await post(webhooks, invalid)
    expect(answer).toMatchObject({ status: 400, body: { error: { reason: 'invalid_payload' } } })
    expect(answer.body.error.message).toContain('the payment.approved event does not match its schema: data.amount')
    expect(handler).not.toHaveBeenCalled()
  })

  it('answers 405 to other methods, with Allow: POST', async () => {
    const webhooks = new Webhooks({ secret: SECRET, now })
    const response = await webhooks.handle(new Request(URL))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(await response.json()).toEqual({
      error: { reason: 'method_not_allowed', message: 'webhooks are delivered with POST, not GET' },
    })
  })

  it('answers 415 to a body that is not JSON by its content type, and accepts +json and parameters', async () => {
    const webhooks = new Webhooks({ secret: SECRET, now })
    const { headers } = await signed(body, { id: event.id })
    expect(await post(webhooks, { headers: { ...headers, 'content-type': 'text/plain' } })).toEqual({
      status: 415,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: {
        error: {
          reason: 'unsupported_media_type',
          message: 'webhooks are JSON (content-type: application/json), not text/plain',
        },
      },
    })
    for (const contentType of [
      'application/json; charset=utf-8',
      'application/vnd.octopuspro+json',
      'APPLICATION/JSON',
    ]) {
      expect((await post(webhooks, { headers: { ...headers, 'content-type': contentType } })).status).toBe(204)
    }
  })

  it('answers 413 to a body over maxBodyBytes, by content-length or while streaming it', async () => {
    const webhooks = new Webhooks({ secret: SECRET, now, maxBodyBytes: 100 })
    const handler = vi.fn()
    webhooks.onAny(handler)
    const big = await signed(JSON.stringify({ ...event, padding: 'x'.repeat(200) }))
    const answer = await post(webhooks, big)
    expect(answer).toEqual({
      status: 413,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: {
        error: {
          reason: 'payload_too_large',
          message:
            'the body is larger than 100 bytes; raise maxBodyBytes in new Webhooks({ … }) if such events are expected',
        },
      },
    })
    // A stream with no content-length: refused once the limit is crossed, the rest never pulled.
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(60))
      },
    })
    const response = await webhooks.handle(
      new Request(URL, { method: 'POST', headers: big.headers, body: stream, duplex: 'half' } as RequestInit),
    )
    expect(response.status).toBe(413)
    expect(pulled).toBeLessThan(5)
    expect(handler).not.toHaveBeenCalled()
  })

  it('answers 500 when a handler fails, without its message or stack, and reports it to onError', async () => {
    const webhooks = new Webhooks({ secret: SECRET, now })
    const errors: WebhookError[] = []
    webhooks.on('payment.approved', () => {
      throw new Error('database password is hunter2')
    })
    webhooks.onAny(() => undefined)
    webhooks.onError((error) => void errors.push(error))
    const answer = await post(webhooks)
    expect(answer).toEqual({
      status: 500,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: {
        error: {
          reason: 'handler_failed',
          message:
            '1 of 2 handler(s) of payment.approved failed; the receiver reported the errors to its onError handlers ' +
            'and the delivery will be retried',
        },
      },
    })
    expect(errors).toHaveLength(1)
    expect((errors[0] as WebhookHandlerError).errors).toEqual([new Error('database password is hunter2')])
  })

  it("with ack: 'immediate', answers 204 before the handlers finish and reports their failure to onError", async () => {
    const webhooks = new Webhooks({ secret: SECRET, now, ack: 'immediate', dedupe: memoryDedupe() })
    const release = deferred()
    const reported = deferred<WebhookError>()
    const failing = async () => {
      await release.promise
      throw new Error('late failure')
    }
    webhooks.on('payment.approved', failing)
    webhooks.onError(reported.resolve)
    expect((await post(webhooks)).status).toBe(204)
    release.resolve()
    const error = (await reported.promise) as WebhookHandlerError
    expect(error.errors).toEqual([new Error('late failure')])
    // The failed event was released, so a retry runs it again.
    const retried = deferred()
    webhooks.off('payment.approved', failing)
    webhooks.on('payment.*', () => retried.resolve())
    expect((await post(webhooks)).status).toBe(204)
    await retried.promise
  })

  it('answers 500 dedupe_failed when the store cannot claim, and reports it', async () => {
    const failure = new Error('connect ECONNREFUSED 10.0.0.5:6379')
    const broken: DedupeStore = {
      claim: () => Promise.reject(failure),
      complete: () => Promise.resolve(),
      release: () => Promise.resolve(),
    }
    const webhooks = new Webhooks({ secret: SECRET, now, dedupe: broken })
    const handler = vi.fn()
    const errors: WebhookError[] = []
    webhooks.onAny(handler).onError((error) => void errors.push(error))
    expect(await post(webhooks)).toMatchObject({
      status: 500,
      body: {
        error: { reason: 'dedupe_failed', message: 'the dedupe store is unavailable; the delivery will be retried' },
      },
    })
    expect(handler).not.toHaveBeenCalled()
    expect(errors).toMatchObject([
      { name: 'DedupeStoreError', code: 'dedupe_failed', operation: 'claim', webhookId: event.id, cause: failure },
    ])
  })

  it('still answers 204 when completing the claim fails after the handlers succeeded, and reports it', async () => {
    const store = memoryDedupe()
    const failing: DedupeStore = { ...store, complete: () => Promise.reject(new Error('lost')) }
    const webhooks = new Webhooks({ secret: SECRET, now, dedupe: failing })
    const errors: WebhookError[] = []
    webhooks.onError((error) => void errors.push(error))
    expect((await post(webhooks)).status).toBe(204)
    expect(errors).toMatchObject([{ name: 'DedupeStoreError', operation: 'complete' }])
  })

  it('answers 400 when the body stream fails', async () => {
    const webhooks = new Webhooks({ secret: SECRET, now })
    const { headers } = await signed(body)
    const stream = new ReadableStream({
      pull(controller) {
        controller.error(new Error('connection reset'))
      },
    })
    const response = await webhooks.handle(
      new Request(URL, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit),
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: { reason: 'body_unreadable', message: 'the request body could not be read: connection reset' },
    })
  })
})

describe('Webhooks options', () => {
  it.each([
    [{ tolerance: -1 }, 'tolerance must be a number of seconds, 0 or more, got -1'],
    [{ ack: 'later' }, "ack must be 'after-handlers' or 'immediate', got later"],
    [{ maxBodyBytes: 0 }, 'maxBodyBytes must be a positive integer, got 0'],
  ])('refuses %j', (options, message) => {
    expect(() => new Webhooks({ secret: SECRET, ...(options as object) })).toThrow(new TypeError(message))
  })
})
