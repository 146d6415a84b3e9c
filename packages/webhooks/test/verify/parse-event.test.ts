import { eventTypes } from '@octopuspro/contract'
import { createSampleEvent } from '@octopuspro/contract/samples'
import { describe, expect, it } from 'vitest'
import type { WebhookVerificationError } from '../../src/index.js'
import { parseEvent } from '../../src/verify/parse-event.js'

function parseError(text: string): WebhookVerificationError {
  try {
    parseEvent(text)
  } catch (error) {
    return error as WebhookVerificationError
  }
  throw new Error('expected parseEvent to throw')
}

describe('parseEvent', () => {
  it.each(eventTypes)('parses a valid %s event', (type) => {
    const event = createSampleEvent(type)
    expect(parseEvent(JSON.stringify(event))).toEqual(event)
  })

  it('keeps fields a newer API version added', () => {
    const event = { ...createSampleEvent('booking.created'), delivery_attempt: 2 }
    expect(parseEvent(JSON.stringify(event))).toEqual(event)
  })

  it('fills defaults the way the contract does (a line item without tax_rate)', () => {
    const event = createSampleEvent('invoice.created')
    const { tax_rate: _, ...item } = event.data.line_items[0]!
    const parsed = parseEvent(JSON.stringify({ ...event, data: { ...event.data, line_items: [item] } }))
    expect(parsed).toEqual(
      event.type === parsed.type ? { ...event, data: { ...event.data, line_items: [{ ...item, tax_rate: 0 }] } } : null,
    )
  })

  it('refuses a body that is not JSON with invalid_json', () => {
    const error = parseError('{"id": "evt_1",')
    expect(error.reason).toBe('invalid_json')
    expect(error.message).toMatch(/^the body is not valid JSON \(.+\); the sender must post the event as JSON/)
  })

  it('refuses a known type with a bad shape with invalid_payload, naming the type and the field path', () => {
    const event = createSampleEvent('payment.approved', { data: { amount: 0 } })
    const error = parseError(JSON.stringify(event))
    expect(error).toMatchObject({
      reason: 'invalid_payload',
      eventType: 'payment.approved',
      issues: [{ path: 'data.amount', message: 'must be greater than zero' }],
    })
    expect(error.message).toBe(
      'the payment.approved event does not match its schema: data.amount must be greater than zero. The sender and ' +
        'this ' +
        'receiver disagree on the event shape: check the sender uses API version 2026-11-01, or upgrade ' +
        '@octopuspro/webhooks',
    )
  })

  it('lists at most five issues in the message and all of them in issues', () => {
    const event = createSampleEvent('customer.created')
    const data = { ...event.data, id: 1, name: 2, email: 3, phone: 4, company: 5, notes: 6 }
    const error = parseError(JSON.stringify({ ...event, data }))
    expect(error.issues).toHaveLength(6)
    expect(error.message).toContain('(and 1 more)')
  })

  it('delivers an unknown type as an UnknownWebhookEvent instead of refusing it', () => {
    const event = { ...createSampleEvent('payment.approved'), type: 'payment.disputed', data: { dispute: 'dp_1' } }
    expect(parseEvent(JSON.stringify(event))).toEqual({ ...event, unknown: true })
  })

  it('refuses a body that is not an event at all', () => {
    const error = parseError(JSON.stringify({ hello: 'world' }))
    expect(error.reason).toBe('invalid_payload')
    expect(error.eventType).toBeUndefined()
    expect(error.message).toMatch(/^the body is not an OctopusPro event: /)
    expect(error.issues?.map((issue) => issue.path)).toEqual(expect.arrayContaining(['id', 'type', 'data']))

    const unknownButBroken = parseError(JSON.stringify({ type: 'thing.happened', id: 'nope' }))
    expect(unknownButBroken).toMatchObject({ reason: 'invalid_payload', eventType: 'thing.happened' })
    expect(parseError('null').reason).toBe('invalid_payload')
  })
})
