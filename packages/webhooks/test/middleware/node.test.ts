import { createServer, request } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nodeWebhooks, Webhooks } from '../../src/index.js'
import { createTestEvent, sendTestWebhook, signPayload } from '../../src/testing/index.js'
import { listen, SECRET } from '../helpers.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function start(webhooks: Webhooks): Promise<string> {
  const { url, close } = await listen(createServer(nodeWebhooks(webhooks)))
  closers.push(close)
  return url
}

describe('nodeWebhooks (node:http)', () => {
  it('receives a signed event', async () => {
    const webhooks = new Webhooks({ secret: SECRET })
    const received = vi.fn()
    webhooks.on('communication.sms_received', received)
    const url = await start(webhooks)
    const event = createTestEvent('communication.sms_received')
    expect((await sendTestWebhook(url, { secret: SECRET, event })).status).toBe(204)
    expect(received).toHaveBeenCalledExactlyOnceWith(event)
  })

  it('answers 405 to GET and 401 to an unsigned POST', async () => {
    const url = await start(new Webhooks({ secret: SECRET }))
    const get = await fetch(url)
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(unsigned.status).toBe(401)
    expect(await unsigned.json()).toMatchObject({ error: { reason: 'missing_header' } })
  })

  it('answers 413 from content-length without reading the body', async () => {
    const webhooks = new Webhooks({ secret: SECRET, maxBodyBytes: 1024 })
    const url = await start(webhooks)
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(2048),
    })
    expect(response.status).toBe(413)
    expect(response.headers.get('connection')).toBe('close')
  })

  it('answers 413 while a chunked body is still arriving, before the client has sent it all', async () => {
    const webhooks = new Webhooks({ secret: SECRET, maxBodyBytes: 1024 })
    const url = new URL(await start(webhooks))
    const event = createTestEvent('booking.created')
    const headers = await signPayload({ secret: SECRET, id: event.id, body: 'ignored' })
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
        req.destroy()
      })
      req.on('error', reject)
      // 1.5 KiB now, and the request is never ended: the answer can only come from the limit.
      req.write('x'.repeat(1536))
    })
    expect(status).toBe(413)
  })
})
