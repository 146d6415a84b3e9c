import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { OctopusPro } from '@octopuspro/client'
import { createReferenceServer, manualClock } from '@octopuspro/reference-server'
import { Webhooks } from '@octopuspro/webhooks'
import { afterEach, describe, expect, it } from 'vitest'

// What docs/delivery-semantics.md promises, observed on the reference server.
const closers: (() => Promise<unknown>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

function setUp(answer: (request: Request) => Promise<Response> | Response, options: { jitter?: number } = {}) {
  const clock = manualClock('2026-11-27T10:00:00.000Z')
  const requests: Request[] = []
  const server = createReferenceServer({
    clock,
    delivery: {
      jitter: options.jitter ?? 0,
      fetch: async (input, init) => {
        const request = new Request(input, init)
        requests.push(request.clone())
        return answer(request)
      },
    },
  })
  closers.push(() => server.close())
  const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
  return { clock, server, op, requests }
}

describe('docs/delivery-semantics.md', () => {
  it('retries on the default schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then fails', async () => {
    const { clock, server, op } = setUp(() => new Response(null, { status: 503 }))
    await op.webhooks.create({
      name: 'Down',
      url: 'https://receiver.example.com/hook',
      event_types: ['customer.created'],
    })
    await op.customers.create({ name: 'Ada' })
    await server.deliveries.idle()
    for (const ms of [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]) await clock.advance(ms)
    const [delivery] = server.deliveries.list()
    expect(delivery!.status).toBe('failed')
    expect(delivery!.attempts.map((a) => a.at)).toEqual([
      '2026-11-27T10:00:00.000Z',
      '2026-11-27T10:00:05.000Z',
      '2026-11-27T10:05:05.000Z',
      '2026-11-27T10:35:05.000Z',
      '2026-11-27T12:35:05.000Z',
      '2026-11-27T17:35:05.000Z',
      '2026-11-28T03:35:05.000Z',
      '2026-11-28T13:35:05.000Z',
    ])
    expect(delivery!.attempts.every((a) => a.status_code === 503)).toBe(true)
  })

  it('signs with the Standard Webhooks headers; webhook-id is the event id on every attempt', async () => {
    let fail = true
    const { clock, server, op, requests } = setUp(() => {
      const status = fail ? 500 : 204
      fail = false
      return new Response(null, { status })
    })
    await op.webhooks.create({
      name: 'Flaky',
      url: 'https://receiver.example.com/hook',
      event_types: ['customer.created'],
    })
    await op.customers.create({ name: 'Ada' })
    await server.deliveries.idle()
    await clock.advance(5_000)
    const event = await server.events.waitFor({ type: 'customer.created' })
    expect(requests.map((r) => r.headers.get('webhook-id'))).toEqual([event.id, event.id])
    expect(requests.map((r) => r.headers.get('webhook-timestamp'))).toEqual([
      String(Date.parse('2026-11-27T10:00:00.000Z') / 1000),
      String(Date.parse('2026-11-27T10:00:05.000Z') / 1000),
    ])
    expect(requests[0]!.headers.get('webhook-signature')).toMatch(/^v1,[A-Za-z0-9+/=]+$/)
    expect(requests[0]!.headers.get('content-type')).toBe('application/json')
    expect(requests[0]!.headers.get('user-agent')).toMatch(/^OctopusPro-Webhooks\//)
  })

  it('a redirect fails (not followed); 410 Gone disables the endpoint at once; a PATCH re-enables it', async () => {
    let answer = 302
    const { server, op } = setUp(
      () =>
        new Response(null, {
          status: answer,
          headers: answer === 302 ? { location: 'https://elsewhere.example.com/' } : {},
        }),
    )
    const endpoint = await op.webhooks.create({
      name: 'Moved',
      url: 'https://receiver.example.com/hook',
      event_types: ['customer.created'],
    })
    await op.customers.create({ name: 'Ada' })
    await server.deliveries.idle()
    expect(server.deliveries.list()[0]!.attempts[0]).toMatchObject({
      status_code: 302,
      error: 'HTTP 302: redirect to https://elsewhere.example.com/ not followed',
    })

    answer = 410
    await op.customers.create({ name: 'Grace' })
    await server.deliveries.idle()
    expect(await op.webhooks.get(endpoint.id)).toMatchObject({ active: false, disabled_reason: 'gone' })
    expect(await op.webhooks.update(endpoint.id, { active: true })).toMatchObject({
      active: true,
      disabled_reason: null,
    })
  })

  it('during a secret rotation each delivery carries both signatures; a receiver with either verifies it', async () => {
    const { clock, server, op, requests } = setUp(() => new Response(null, { status: 204 }))
    const endpoint = await op.webhooks.create({
      name: 'Rotating',
      url: 'https://receiver.example.com/hook',
      event_types: ['customer.created'],
    })
    const oldSecret = endpoint.secret
    // #region rotate
    const { secret: newSecret } = await op.webhooks.rotateSecret(endpoint.id, {
      expires_in_seconds: 86_400, // overlap: 24 h
      signing: 'hmac_sha256', // the new key's scheme ('ed25519' switches the endpoint to a whpk_ public key)
    })
    const webhooks = new Webhooks({ secret: [newSecret, oldSecret] }) // deploy this, then drop oldSecret
    // #endregion rotate
    const now = () => clock.now()
    await op.customers.create({ name: 'Ada' })
    await server.deliveries.idle()
    const request = requests[0]!
    expect(request.headers.get('webhook-signature')!.split(' ')).toHaveLength(2)
    const body = await request.text()
    for (const secret of [oldSecret, newSecret, [newSecret, oldSecret]]) {
      expect((await new Webhooks({ secret, now }).verify(body, request.headers)).type).toBe('customer.created')
    }
    // the test's frozen clock
    await expect(webhooks.verify(body, request.headers)).rejects.toMatchObject({ reason: 'timestamp_too_old' })
    expect(await op.webhooks.getSecret(endpoint.id)).toMatchObject({ secret: newSecret, previous_secret: oldSecret })
  })

  it('a receiver that was down catches up by listing events', async () => {
    const { op, clock } = setUp(() => new Response(null, { status: 204 }))
    await op.customers.create({ name: 'Ada' })
    await clock.advance(60_000)
    const downSince = new Date(clock.now() - 1).toISOString() // when the receiver went down
    await op.customers.create({ name: 'Grace' })
    await op.customers.create({ name: 'Linus' })
    const handled: string[] = []
    const webhooks = new Webhooks({ secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
    webhooks.on('customer.created', (event) => void handled.push(event.data.name))
    // #region catch-up
    for await (const event of op.events.list({ created_after: downSince })) {
      await webhooks.receive(event) // the same handlers; no signature to check (the API is the source), no dedupe
    }
    // #endregion catch-up
    expect(handled).toEqual(['Grace', 'Linus'])
  })

  it('answers within the timeout, or the attempt fails (timeoutMs, 15 s by default)', async () => {
    const http = createServer((_req, res) => setTimeout(() => res.writeHead(204).end(), 300))
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    closers.push(() => new Promise((resolve) => http.close(resolve)))
    const server = createReferenceServer({ delivery: { timeoutMs: 50, retrySchedule: [] } })
    closers.push(() => server.close())
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
    await op.webhooks.create({
      name: 'Slow',
      url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/hook`,
      event_types: ['customer.created'],
    })
    await op.customers.create({ name: 'Ada' })
    const delivery = await server.deliveries.waitFor({ status: 'failed' })
    expect(delivery.attempts[0]).toMatchObject({
      status_code: null,
      error: expect.stringMatching(/timed? ?out|timeout/i),
    })
  })
})
