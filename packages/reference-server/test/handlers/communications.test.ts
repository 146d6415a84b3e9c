import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/index.js'
import { expectError, expectRoute, setup } from '../helpers/api.js'

let current: ReturnType<typeof setup>
afterEach(() => current?.close())

const mapping: [Record<string, unknown>, string | undefined][] = [
  [{ channel: 'call', direction: 'outbound' }, 'communication.call_made'],
  [{ channel: 'call', direction: 'inbound', call_status: 'answered' }, 'communication.call_received'],
  [{ channel: 'call', direction: 'inbound' }, 'communication.call_received'],
  [{ channel: 'call', direction: 'inbound', call_status: 'missed' }, 'communication.call_missed'],
  [{ channel: 'sms', direction: 'inbound', body: 'Running late?' }, 'communication.sms_received'],
  [{ channel: 'whatsapp', direction: 'inbound', body: 'Thursday?' }, 'communication.whatsapp_received'],
  [{ channel: 'sms', direction: 'outbound', body: 'On our way' }, undefined],
  [{ channel: 'whatsapp', direction: 'outbound', body: 'Done!' }, undefined],
]

describe('communications', () => {
  it.each(mapping)('%j → %s', async (fields, type) => {
    current = setup()
    const { api, server } = current
    const created = expectRoute(
      'communications.create',
      await api('POST', '/v1/communications', { body: { from: '+1 555 0142', to: '+1 555 0100', ...fields } }),
    )
    const events = server.events.list()
    expect(events.map((e) => e.type)).toEqual(type ? [type] : [])
    if (type) expect(events[0]?.data).toEqual(created)
  })

  it('logs a call without call_status as answered, and occurred_at defaults to now', async () => {
    current = setup({ clock: manualClock('2026-11-27T10:00:00.000Z') })
    const call = (
      await current.api('POST', '/v1/communications', {
        body: { channel: 'call', direction: 'inbound', from: '1234', to: '5678', duration_seconds: 30 },
      })
    ).body
    expect(call).toMatchObject({ call_status: 'answered', occurred_at: '2026-11-27T10:00:00.000Z', body: null })
    const sms = (
      await current.api('POST', '/v1/communications', {
        body: {
          channel: 'sms',
          direction: 'inbound',
          from: '1234',
          to: '5678',
          occurred_at: '2026-11-26T08:00:00.000Z',
        },
      })
    ).body
    expect(sms).toMatchObject({ call_status: null, occurred_at: '2026-11-26T08:00:00.000Z' })
  })

  it('keeps call fields to calls and message bodies to messages (400)', async () => {
    current = setup()
    expectError(
      await current.api('POST', '/v1/communications', {
        body: { channel: 'sms', direction: 'inbound', from: '1', to: '2', call_status: 'missed' },
      }),
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param: 'call_status',
        message: 'is for calls only',
      },
    )
    expectError(
      await current.api('POST', '/v1/communications', {
        body: { channel: 'call', direction: 'inbound', from: '1', to: '2', body: 'hi' },
      }),
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param: 'body',
        message: 'sms and whatsapp only',
      },
    )
  })

  it('are an immutable log: no update, no delete', async () => {
    current = setup()
    const created = (
      await current.api('POST', '/v1/communications', {
        body: { channel: 'sms', direction: 'inbound', from: '1', to: '2' },
      })
    ).body
    const res = await current.api('PATCH', `/v1/communications/${created.id}`, { body: {} })
    expectError(res, { status: 405, type: 'invalid_request_error', code: 'method_not_allowed' })
    expect(res.headers.get('allow')).toBe('GET')
  })
})
