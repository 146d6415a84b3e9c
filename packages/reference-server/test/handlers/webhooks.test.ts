import { createPublicKey, verify } from 'node:crypto'
import { parseWebhookPublicKey, signWithSecret } from '@octopuspro/contract'
import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { expectError, expectRoute, setup } from '../helpers/api.js'
import { type ReceivedRequest, startReceiver } from '../helpers/receiver.js'

let current: ReturnType<typeof setup>
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await current?.close()
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function receiver(status?: Parameters<typeof startReceiver>[0]) {
  const started = await startReceiver(status)
  cleanups.push(started.close)
  return started
}

/** Checks an ed25519 signature with node:crypto directly, not with the contract's verifier under test. */
function ed25519Verify(publicKey: string, content: string, signature: string): boolean {
  const key = createPublicKey({ key: Buffer.from(parseWebhookPublicKey(publicKey)), format: 'der', type: 'spki' })
  return verify(null, Buffer.from(content), key, Buffer.from(signature, 'base64'))
}

const fast = { retrySchedule: [10, 20], jitter: 0, timeoutMs: 2_000 }

describe('webhook endpoints', () => {
  it('create shows a whsec_ secret, GET /secret returns it again; list, update, delete', async () => {
    current = setup()
    const { api } = current
    const created = expectRoute(
      'webhooks.create',
      await api('POST', '/v1/webhooks', {
        body: {
          name: 'Order Notifications',
          url: 'https://example.com/hook',
          event_types: ['booking.created', 'booking.created', 'payment.approved'],
          description: 'orders',
        },
      }),
    )
    expect(created).toMatchObject({
      object: 'webhook_endpoint',
      active: true,
      disabled_reason: null,
      event_types: ['booking.created', 'payment.approved'],
      signing: 'hmac_sha256',
      public_key: null,
    })
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(expectRoute('webhooks.getSecret', await api('GET', `/v1/webhooks/${created.id}/secret`))).toEqual({
      object: 'webhook_endpoint_secret',
      endpoint_id: created.id,
      secret: created.secret,
      public_key: null,
      previous_secret: null,
      previous_public_key: null,
      previous_secret_expires_at: null,
    })
    expect(expectRoute('webhooks.get', await api('GET', `/v1/webhooks/${created.id}`))).not.toHaveProperty('secret')
    expect(expectRoute('webhooks.list', await api('GET', '/v1/webhooks')).data).toHaveLength(1)
    const updated = expectRoute(
      'webhooks.update',
      await api('PATCH', `/v1/webhooks/${created.id}`, { body: { event_types: ['*'], active: false } }),
    )
    expect(updated).toMatchObject({ event_types: ['*'], active: false })
    expect(expectRoute('webhooks.delete', await api('DELETE', `/v1/webhooks/${created.id}`))).toEqual({
      id: created.id,
      object: 'webhook_endpoint',
      deleted: true,
    })
    expectError(await api('GET', `/v1/webhooks/${created.id}/secret`), {
      status: 404,
      type: 'not_found_error',
      code: 'resource_missing',
      param: 'id',
    })
  })

  it('refuses unknown event types naming them, and non-http URLs', async () => {
    current = setup()
    const res = await current.api('POST', '/v1/webhooks', {
      body: { name: 'x', url: 'https://example.com/hook', event_types: ['booking.created', 'payment.*'] },
    })
    expectError(res, {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'event_types.1',
      message: "'payment.*' is not an event type",
    })
    expectError(
      await current.api('POST', '/v1/webhooks', {
        body: { name: 'x', url: 'ftp://example.com/hook', event_types: ['*'] },
      }),
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param: 'url',
      },
    )
  })

  it('requireHttps: https or loopback only', async () => {
    current = setup({ requireHttps: true })
    const body = (url: string) => ({ body: { name: 'x', url, event_types: ['*'] } })
    expectError(await current.api('POST', '/v1/webhooks', body('http://example.com/hook')), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'url',
      message: 'must use https',
    })
    expect((await current.api('POST', '/v1/webhooks', body('http://127.0.0.1:3000/hook'))).status).toBe(201)
    expect((await current.api('POST', '/v1/webhooks', body('http://localhost:3000/hook'))).status).toBe(201)
    expect((await current.api('POST', '/v1/webhooks', body('https://example.com/hook'))).status).toBe(201)
  })
})

describe('delivery', () => {
  it('delivers each event to every active endpoint subscribed to it, signed with Standard Webhooks', async () => {
    const hooks = await receiver()
    current = setup({ delivery: fast })
    const { api, server } = current
    const all = (await api('POST', '/v1/webhooks', { body: { name: 'all', url: hooks.url, event_types: ['*'] } })).body
    await api('POST', '/v1/webhooks', { body: { name: 'users only', url: hooks.url, event_types: ['user.created'] } })
    await api('POST', '/v1/webhooks', { body: { name: 'off', url: hooks.url, event_types: ['*'], active: false } })
    const customer = (await api('POST', '/v1/customers', { body: { name: 'Ada' } })).body
    const delivery = await server.deliveries.waitFor({ type: 'customer.created', status: 'succeeded' })
    await server.deliveries.idle()
    expect(server.deliveries.list()).toHaveLength(1)
    expect(hooks.received).toHaveLength(1)
    const [request] = hooks.received
    const event = new Webhook(all.secret).verify(request!.body, request!.headers as Record<string, string>) as {
      id: string
      data: unknown
    }
    expect(event).toMatchObject({ type: 'customer.created', data: customer })
    expect(request!.headers['webhook-id']).toBe(event.id)
    expect(request!.headers['user-agent']).toMatch(/^OctopusPro-Webhooks\/\d+\.\d+\.\d+/)
    expect(delivery).toMatchObject({ endpoint_id: all.id, event_id: event.id, event_type: 'customer.created' })
    expect(request!.body).toBe(JSON.stringify(server.events.list()[0]))
  })

  it('during a secret rotation each delivery carries both signatures; after the overlap only the new one', async () => {
    const hooks = await receiver()
    const clock = manualClock('2026-11-27T10:00:00.000Z')
    current = setup({ delivery: fast, clock })
    const { api, server } = current
    const endpoint = (
      await api('POST', '/v1/webhooks', {
        body: { name: 'rotating', url: hooks.url, event_types: ['customer.created'] },
      })
    ).body
    const rotated = expectRoute(
      'webhooks.rotateSecret',
      await api('POST', `/v1/webhooks/${endpoint.id}/rotate-secret`, { body: { expires_in_seconds: 3600 } }),
    )
    expect(rotated.secret).not.toBe(endpoint.secret)
    expect((await api('GET', `/v1/webhooks/${endpoint.id}/secret`)).body).toMatchObject({
      secret: rotated.secret,
      previous_secret: endpoint.secret,
      previous_secret_expires_at: '2026-11-27T11:00:00.000Z',
    })
    await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    await server.deliveries.waitFor({ status: 'succeeded' })
    const signatures = async (request: ReceivedRequest, secrets: string[]) => {
      const id = String(request.headers['webhook-id'])
      const timestamp = Number(request.headers['webhook-timestamp'])
      return Promise.all(
        secrets.map(async (secret) => `v1,${await signWithSecret(secret, id, timestamp, request.body)}`),
      )
    }
    const [first] = hooks.received
    expect(first!.headers['webhook-timestamp']).toBe(String(Date.parse('2026-11-27T10:00:00.000Z') / 1000))
    expect(String(first!.headers['webhook-signature']).split(' ')).toEqual(
      await signatures(first!, [rotated.secret, endpoint.secret]),
    )
    await clock.advance(3600_000)
    await api('POST', '/v1/customers', { body: { name: 'Grace' } })
    await server.deliveries.idle()
    const second = hooks.received[1]!
    expect(String(second.headers['webhook-signature']).split(' ')).toEqual(await signatures(second, [rotated.secret]))
    expect((await api('GET', `/v1/webhooks/${endpoint.id}/secret`)).body.previous_secret).toBeNull()
  })

  it("signing: 'ed25519' shows a whpk_ public key, never a secret, and signs v1a with the private key", async () => {
    const hooks = await receiver()
    current = setup({ delivery: fast })
    const { api, server } = current
    const created = expectRoute(
      'webhooks.create',
      await api('POST', '/v1/webhooks', {
        body: { name: 'asymmetric', url: hooks.url, event_types: ['customer.created'], signing: 'ed25519' },
      }),
    )
    expect(created).toMatchObject({ signing: 'ed25519', secret: null })
    expect(created.public_key).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/)
    expect(expectRoute('webhooks.get', await api('GET', `/v1/webhooks/${created.id}`)).public_key).toBe(
      created.public_key,
    )
    expect(expectRoute('webhooks.getSecret', await api('GET', `/v1/webhooks/${created.id}/secret`))).toEqual({
      object: 'webhook_endpoint_secret',
      endpoint_id: created.id,
      secret: null,
      public_key: created.public_key,
      previous_secret: null,
      previous_public_key: null,
      previous_secret_expires_at: null,
    })
    await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    await server.deliveries.waitFor({ status: 'succeeded' })
    const [request] = hooks.received
    const [version, signature, ...rest] = String(request!.headers['webhook-signature']).split(/[, ]/)
    expect([version, rest]).toEqual(['v1a', []])
    const content = `${request!.headers['webhook-id']}.${request!.headers['webhook-timestamp']}.${request!.body}`
    expect(ed25519Verify(created.public_key!, content, signature!)).toBe(true)
    expect(ed25519Verify(created.public_key!, `${content} `, signature!)).toBe(false)
  })

  it('refuses a signing scheme it does not know, naming the two it has', async () => {
    current = setup()
    const body = { name: 'x', url: 'https://example.com/h', event_types: ['*'], signing: 'rsa' }
    const response = await current.api('POST', '/v1/webhooks', { body })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain(
      "'rsa' is not a signing scheme; use 'hmac_sha256' (the default) or 'ed25519'",
    )
    expect((await current.api('GET', '/v1/webhooks')).body.data).toEqual([])
  })

  it('a rotation from HMAC to ed25519 signs with both kinds during the overlap, then with the new key', async () => {
    const hooks = await receiver()
    const clock = manualClock('2026-11-27T10:00:00.000Z')
    current = setup({ delivery: fast, clock })
    const { api, server } = current
    const endpoint = expectRoute(
      'webhooks.create',
      await api('POST', '/v1/webhooks', {
        body: { name: 'moving', url: hooks.url, event_types: ['customer.created'] },
      }),
    )
    const rotated = expectRoute(
      'webhooks.rotateSecret',
      await api('POST', `/v1/webhooks/${endpoint.id}/rotate-secret`, {
        body: { expires_in_seconds: 3600, signing: 'ed25519' },
      }),
    )
    expect(rotated).toMatchObject({ signing: 'ed25519', secret: null })
    expect((await api('GET', `/v1/webhooks/${endpoint.id}/secret`)).body).toEqual({
      object: 'webhook_endpoint_secret',
      endpoint_id: endpoint.id,
      secret: null,
      public_key: rotated.public_key,
      previous_secret: endpoint.secret,
      previous_public_key: null,
      previous_secret_expires_at: '2026-11-27T11:00:00.000Z',
    })
    await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    await server.deliveries.waitFor({ status: 'succeeded' })
    const first = hooks.received[0]!
    const id = String(first.headers['webhook-id'])
    const timestamp = Number(first.headers['webhook-timestamp'])
    const [v1a, v1] = String(first.headers['webhook-signature']).split(' ')
    expect(v1).toBe(`v1,${await signWithSecret(endpoint.secret!, id, timestamp, first.body)}`)
    expect(ed25519Verify(rotated.public_key!, `${id}.${timestamp}.${first.body}`, v1a!.slice('v1a,'.length))).toBe(true)
    await clock.advance(3600_000)
    await api('POST', '/v1/customers', { body: { name: 'Grace' } })
    await server.deliveries.idle()
    expect(String(hooks.received[1]!.headers['webhook-signature'])).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/)
  })

  it('rotate-secret defaults to a 24 h overlap; 0 ends the old secret at once', async () => {
    current = setup({ clock: manualClock('2026-11-27T10:00:00.000Z') })
    const { api } = current
    const endpoint = (
      await api('POST', '/v1/webhooks', { body: { name: 'x', url: 'https://example.com/h', event_types: ['*'] } })
    ).body
    await api('POST', `/v1/webhooks/${endpoint.id}/rotate-secret`)
    expect((await api('GET', `/v1/webhooks/${endpoint.id}/secret`)).body.previous_secret_expires_at).toBe(
      '2026-11-28T10:00:00.000Z',
    )
    await api('POST', `/v1/webhooks/${endpoint.id}/rotate-secret`, { body: { expires_in_seconds: 0 } })
    expect((await api('GET', `/v1/webhooks/${endpoint.id}/secret`)).body.previous_secret).toBeNull()
  })

  it('POST /webhooks/{id}/test sends a sample event (test: true) to that endpoint only, not logged', async () => {
    const hooks = await receiver()
    current = setup({ delivery: fast })
    const { api, server } = current
    const endpoint = (
      await api('POST', '/v1/webhooks', { body: { name: 'x', url: hooks.url, event_types: ['booking.created'] } })
    ).body
    const sent = expectRoute(
      'webhooks.sendTest',
      await api('POST', `/v1/webhooks/${endpoint.id}/test`, { body: { event_type: 'payment.refunded' } }),
    )
    expect(sent).toMatchObject({ type: 'payment.refunded', test: true, data: { status: 'refunded' } })
    await server.deliveries.waitFor({ eventId: sent.id, status: 'succeeded' })
    expect(JSON.parse(hooks.received[0]!.body)).toEqual(sent)
    expect(server.events.list()).toEqual([])
    expectError(await api('POST', `/v1/webhooks/${endpoint.id}/test`, { body: { event_type: 'booking.exploded' } }), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'event_type',
      message: 'is not an event type',
    })
  })

  it('lists an endpoint’s deliveries with attempts, filters by status, gets one and redelivers it', async () => {
    let fail = true
    const hooks = await receiver(() => (fail ? 500 : 200))
    current = setup({ delivery: { ...fast, retrySchedule: [10] } })
    const { api, server } = current
    const endpoint = (
      await api('POST', '/v1/webhooks', { body: { name: 'x', url: hooks.url, event_types: ['customer.created'] } })
    ).body
    await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    const failed = await server.deliveries.waitFor({ status: 'failed' })
    fail = false
    await api('POST', '/v1/customers', { body: { name: 'Grace' } })
    const ok = await server.deliveries.waitFor({ status: 'succeeded' })
    const list = expectRoute('webhooks.listDeliveries', await api('GET', `/v1/webhooks/${endpoint.id}/deliveries`))
    expect(list.data.map((d: { id: string }) => d.id)).toEqual([failed.id, ok.id])
    expect(list.data[0].attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500])
    expect(
      (await api('GET', `/v1/webhooks/${endpoint.id}/deliveries?status=failed`)).body.data.map(
        (d: { id: string }) => d.id,
      ),
    ).toEqual([failed.id])
    expect((await api('GET', `/v1/webhooks/${endpoint.id}/deliveries?limit=1`)).body).toMatchObject({
      has_more: true,
      next_cursor: failed.id,
    })
    expect(expectRoute('webhookDeliveries.get', await api('GET', `/v1/webhook-deliveries/${failed.id}`)).status).toBe(
      'failed',
    )
    const queued = expectRoute(
      'webhookDeliveries.redeliver',
      await api('POST', `/v1/webhook-deliveries/${failed.id}/redeliver`),
    )
    expect(queued.status).toBe('pending')
    await server.deliveries.idle()
    expect((await api('GET', `/v1/webhook-deliveries/${failed.id}`)).body).toMatchObject({ status: 'succeeded' })
    expectError(await api('GET', '/v1/webhook-deliveries/dlv_missing'), {
      status: 404,
      type: 'not_found_error',
      code: 'resource_missing',
      param: 'id',
      message: 'webhook delivery',
    })
    expectError(await api('POST', '/v1/webhook-deliveries/dlv_missing/redeliver'), {
      status: 404,
      type: 'not_found_error',
      code: 'resource_missing',
      param: 'id',
    })
    expectError(await api('GET', '/v1/webhooks/whk_missing/deliveries'), {
      status: 404,
      type: 'not_found_error',
      code: 'resource_missing',
      param: 'id',
    })
  })

  it('410 Gone disables the endpoint (disabled_reason gone); a PATCH active: true re-enables it', async () => {
    const hooks = await receiver(() => 410)
    current = setup({ delivery: fast })
    const { api, server } = current
    const endpoint = (await api('POST', '/v1/webhooks', { body: { name: 'x', url: hooks.url, event_types: ['*'] } }))
      .body
    await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    await server.deliveries.waitFor({ status: 'failed' })
    expect((await api('GET', `/v1/webhooks/${endpoint.id}`)).body).toMatchObject({
      active: false,
      disabled_reason: 'gone',
    })
    await api('POST', '/v1/customers', { body: { name: 'Grace' } })
    expect(server.deliveries.list()).toHaveLength(1)
    const enabled = (await api('PATCH', `/v1/webhooks/${endpoint.id}`, { body: { active: true } })).body
    expect(enabled).toMatchObject({ active: true, disabled_reason: null })
  })
})

describe('events', () => {
  it('lists every event, filters by type and created_after, gets one by id', async () => {
    const clock = manualClock('2026-11-27T10:00:00.000Z')
    current = setup({ clock })
    const { api } = current
    await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    await clock.advance(1000)
    const user = (
      await api('POST', '/v1/users', { body: { name: 'Sam', email: 'sam@example.com', role: 'fieldworker' } })
    ).body
    await clock.advance(1000)
    await api('PATCH', `/v1/users/${user.id}`, { body: { active: false } })
    const all = expectRoute('events.list', await api('GET', '/v1/events'))
    expect(all.data.map((e: { type: string }) => e.type)).toEqual(['customer.created', 'user.created', 'user.updated'])
    expect((await api('GET', '/v1/events?type=user.created')).body.data.map((e: { type: string }) => e.type)).toEqual([
      'user.created',
    ])
    expect((await api('GET', '/v1/events?created_after=2026-11-27T10:00:00.500Z')).body.data).toHaveLength(2)
    expect(expectRoute('events.get', await api('GET', `/v1/events/${all.data[2].id}`))).toEqual(all.data[2])
    expectError(await api('GET', '/v1/events?type=user.exploded'), {
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'type',
      message: 'must be an event type',
    })
    expectError(await api('GET', '/v1/events/evt_missing'), {
      status: 404,
      type: 'not_found_error',
      code: 'resource_missing',
      param: 'id',
    })
  })

  it('keeps events for eventRetentionMs when configured', async () => {
    const clock = manualClock('2026-11-27T10:00:00.000Z')
    current = setup({ clock, eventRetentionMs: 60_000 })
    const { api } = current
    await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    await clock.advance(30_000)
    await api('POST', '/v1/customers', { body: { name: 'Grace' } })
    await clock.advance(40_000)
    await api('POST', '/v1/customers', { body: { name: 'Alan' } })
    expect((await api('GET', '/v1/events')).body.data.map((e: { data: { name: string } }) => e.data.name)).toEqual([
      'Grace',
      'Alan',
    ])
  })

  it('server.events.waitFor resolves with a recorded or a future event, and rejects after its timeout', async () => {
    current = setup()
    const { api, server } = current
    const future = server.events.waitFor({ type: 'customer.created' })
    const customer = (await api('POST', '/v1/customers', { body: { name: 'Ada' } })).body
    expect((await future).data).toEqual(customer)
    expect((await server.events.waitFor({ type: 'customer.created' })).data).toEqual(customer)
    await expect(server.events.waitFor({ type: 'user.created' }, { timeout: 20 })).rejects.toMatchObject({
      code: 'wait_timeout',
      name: 'WaitTimeoutError',
      message:
        'waitFor({"type":"user.created"}) timed out after 20 ms: no event matched. ' +
        'Check that the request that should emit it succeeded.',
    })
  })

  it('searches the event types by name, category or description, case-insensitively', async () => {
    current = setup()
    const res = expectRoute(
      'webhookEventTypes.list',
      await current.api('GET', '/v1/webhook-event-types?search=PAYMENT'),
    )
    expect(res.data.map((e: { type: string }) => e.type)).toEqual([
      'payment.approved',
      'payment.created',
      'payment.refunded',
      'payment.rejected',
    ])
    expect(
      (await current.api('GET', '/v1/webhook-event-types?search=arrives')).body.data.map(
        (e: { type: string }) => e.type,
      ),
    ).toEqual(['appointment.fieldworker_arrived'])
    expect((await current.api('GET', '/v1/webhook-event-types?category=USER')).body.data).toHaveLength(3)
    expect((await current.api('GET', '/v1/webhook-event-types')).body.data).toHaveLength(32)
  })
})
