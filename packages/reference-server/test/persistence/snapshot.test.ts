import { describe, expect, it } from 'vitest'
import { manualClock } from '../../src/clock.js'
import { ReferenceServerError, type ReferenceServerSnapshot } from '../../src/index.js'
import { trackedReceivers } from '../delivery/helpers.js'
import { setup } from '../helpers/api.js'

const T0 = '2026-11-27T10:00:00.000Z'
const receiver = trackedReceivers()

describe('server.snapshot() / server.restore()', () => {
  it('restores every object, key and counter exactly; later writes leave the snapshot as it was', async () => {
    const { server, api, close } = setup({ seed: 'demo', ids: 'sequential', clock: manualClock(T0) })
    const hook = { name: 'Hook', url: 'http://127.0.0.1:9/hooks', event_types: ['customer.created'] }
    expect((await api('POST', '/v1/webhooks', { body: hook })).status).toBe(201)
    const key = await api('POST', '/v1/api-keys', { body: { name: 'CI', mode: 'read_write' } })
    const existing = (await api('GET', '/v1/customers?limit=1')).body.data[0]
    const snapshot = server.snapshot()
    const copy = structuredClone(snapshot)

    const created = await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    await api('PATCH', `/v1/customers/${existing.id}`, { body: { name: 'Renamed', metadata: { a: '1' } } })
    await api('POST', `/v1/api-keys/${key.body.id}/revoke`)
    expect(snapshot).toEqual(copy)

    server.restore(snapshot)
    expect(server.snapshot()).toEqual(copy)
    expect((await api('GET', `/v1/customers/${existing.id}`)).body).toEqual(existing)
    expect((await api('GET', `/v1/customers/${created.body.id}`)).status).toBe(404)
    expect((await api('GET', '/v1/customers', { key: key.body.secret })).status).toBe(200)
    // Ids and timestamps carry on from the snapshot: the same create gives the same customer.
    expect(await api('POST', '/v1/customers', { body: { name: 'Ada' } })).toMatchObject({
      status: 201,
      text: created.text,
    })

    server.restore(snapshot)
    expect(server.snapshot()).toEqual(copy)
    await close()
  })

  it('takes a snapshot back through JSON, idempotent responses and integrations included', async () => {
    const { server, api, close } = setup({ ids: 'sequential', clock: manualClock(T0) })
    const headers = { 'idempotency-key': 'create-ada' }
    const created = await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers })
    const credentials = { api_login_id: 'login-123', transaction_key: 'super-secret-key' }
    const connected = await api('PUT', '/v1/integrations/authorize_net', { body: { credentials } })
    expect(connected.status).toBe(200)
    const snapshot = server.snapshot()

    server.reset()
    server.restore(JSON.parse(JSON.stringify(snapshot)) as ReferenceServerSnapshot)
    expect(server.snapshot()).toEqual(snapshot)
    const replayed = await api('POST', '/v1/customers', { body: { name: 'Ada' }, headers })
    expect(replayed).toMatchObject({ status: 201, text: created.text })
    expect(replayed.headers.get('idempotent-replayed')).toBe('true')
    expect((await api('GET', '/v1/integrations/authorize_net')).body).toEqual(connected.body)
    await close()
  })

  it('restores deliveries: a retry pending in the snapshot is sent at its time, once per restore', async () => {
    const hooks = await receiver((_, index) => ({ status: index === 0 ? 500 : 204 }))
    const clock = manualClock(T0)
    const { server, api, close } = setup({ clock, delivery: { retrySchedule: [5000], jitter: 0 } })
    const hook = { name: 'Hook', url: hooks.url, event_types: ['customer.created'] }
    await api('POST', '/v1/webhooks', { body: hook })
    await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    await server.deliveries.idle()
    const snapshot = server.snapshot()
    const [pending] = server.deliveries.list()
    expect(pending).toMatchObject({ status: 'pending', next_attempt_at: '2026-11-27T10:00:05.000Z' })

    server.restore(snapshot)
    await clock.advance(4999)
    expect(hooks.requests).toHaveLength(1)
    await clock.advance(1)
    expect(hooks.requests).toHaveLength(2)
    expect(server.deliveries.list()).toMatchObject([{ id: pending!.id, status: 'succeeded' }])

    server.restore(snapshot)
    expect(server.deliveries.list()).toEqual([pending])
    await clock.advance(0)
    expect(hooks.requests).toHaveLength(3)
    expect(hooks.requests[2]!.body).toBe(hooks.requests[0]!.body)
    await close()
  })

  it('rejects what is not a snapshot and keeps the state', async () => {
    const { server, api, close } = setup({ ids: 'sequential' })
    await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    const before = server.snapshot()
    for (const bad of [{}, { ...before, format: 2 }, null]) {
      expect(() => server.restore(bad as ReferenceServerSnapshot)).toThrow(
        expect.objectContaining({ name: 'ReferenceServerError', code: 'snapshot_invalid' }),
      )
    }
    expect(() => server.restore({} as ReferenceServerSnapshot)).toThrow(ReferenceServerError)
    expect(server.snapshot()).toEqual(before)
    await close()
  })
})
