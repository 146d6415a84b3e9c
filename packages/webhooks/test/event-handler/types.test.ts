import type { EventType, UnknownWebhookEvent, WebhookEvent, WebhookEventOf } from '@octopuspro/contract'
import { describe, expectTypeOf, it } from 'vitest'
import { type WebhookError, type WebhookEventFor, Webhooks } from '../../src/index.js'
import { SECRET } from '../helpers.js'

const webhooks = new Webhooks({ secret: SECRET })

describe('handler types', () => {
  it('narrows the event of a type', () => {
    webhooks.on('payment.approved', (event) => {
      expectTypeOf(event).toEqualTypeOf<WebhookEventOf<'payment.approved'>>()
      expectTypeOf(event.data.amount).toBeNumber()
      expectTypeOf(event.type).toEqualTypeOf<'payment.approved'>()
    })
  })

  it('narrows a category to the union of its events', () => {
    webhooks.on('payment.*', (event) => {
      expectTypeOf(event.type).toEqualTypeOf<
        'payment.approved' | 'payment.created' | 'payment.refunded' | 'payment.rejected'
      >()
      expectTypeOf(event.data.object).toEqualTypeOf<'payment'>()
    })
    expectTypeOf<WebhookEventFor<'communication.*'>['data']['object']>().toEqualTypeOf<'communication'>()
  })

  it('narrows a list to the union of its events', () => {
    webhooks.on(['customer.created', 'booking.deleted'], (event) => {
      expectTypeOf(event).toEqualTypeOf<WebhookEventOf<'customer.created'> | WebhookEventOf<'booking.deleted'>>()
      if (event.type === 'customer.created') expectTypeOf(event.data.email).toEqualTypeOf<string | null>()
    })
  })

  it('gives onAny every event, known or not, and onError the error union', () => {
    webhooks.onAny((event) => {
      expectTypeOf(event).toEqualTypeOf<WebhookEvent | UnknownWebhookEvent>()
      if (!('unknown' in event)) expectTypeOf(event.type).toEqualTypeOf<EventType>()
    })
    webhooks.onError((error) => expectTypeOf(error).toEqualTypeOf<WebhookError>())
  })

  it('refuses wrong names and handlers at compile time', () => {
    // @ts-expect-error: not an event type
    expectTypeOf(() => webhooks.on('payment.aproved', () => undefined)).toBeFunction()
    // @ts-expect-error: not a category
    expectTypeOf(() => webhooks.on('shipment.*', () => undefined)).toBeFunction()
    // @ts-expect-error: onAny, not on('*')
    expectTypeOf(() => webhooks.on('*', () => undefined)).toBeFunction()
    // @ts-expect-error: one wrong name in a list
    expectTypeOf(() => webhooks.on(['payment.approved', 'payment.aproved'], () => undefined)).toBeFunction()
    // @ts-expect-error: a payment has no `service`
    expectTypeOf(() => webhooks.on('payment.approved', (event) => event.data.service)).toBeFunction()
    // @ts-expect-error: an any-handler is not an error handler
    expectTypeOf(() => webhooks.off('error', (event: WebhookEvent) => event.id)).toBeFunction()
  })
})
