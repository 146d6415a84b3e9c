import type { WebhookDelivery } from '@octopuspro/contract'
import { describe, expectTypeOf, it } from 'vitest'
import { type Clock, type ManualClock, manualClock, systemClock } from '../../src/clock.js'
import type { DeliveryEngine, DeliveryEngineOptions, DeliveryWaitFilter } from '../../src/delivery/engine.js'

describe('delivery types', () => {
  it('gives contract deliveries back and accepts only real statuses and reasons', () => {
    expectTypeOf<DeliveryEngine['waitFor']>().returns.toEqualTypeOf<Promise<WebhookDelivery>>()
    expectTypeOf<DeliveryEngine['list']>().returns.toEqualTypeOf<WebhookDelivery[]>()
    expectTypeOf<DeliveryEngine['redeliver']>().returns.toEqualTypeOf<WebhookDelivery | undefined>()
    expectTypeOf<DeliveryWaitFilter['status']>().toEqualTypeOf<'pending' | 'succeeded' | 'failed' | undefined>()
    expectTypeOf<Parameters<DeliveryEngineOptions['disableEndpoint']>[1]>().toEqualTypeOf<'failing' | 'gone'>()
    // @ts-expect-error 'done' is not a delivery status
    const filter: DeliveryWaitFilter = { status: 'done' }
    void filter
  })

  it('lets a manual clock stand wherever a clock goes, and timers hand it their async work', () => {
    expectTypeOf(manualClock()).toEqualTypeOf<ManualClock>()
    expectTypeOf<ManualClock>().toMatchTypeOf<Clock>()
    expectTypeOf(systemClock).toEqualTypeOf<Clock>()
    expectTypeOf(manualClock().setTimeout).toBeCallableWith(async () => {}, 10)
    expectTypeOf(manualClock).parameter(0).toEqualTypeOf<number | string | Date | undefined>()
    // @ts-expect-error a time is a number, an ISO string or a Date
    expectTypeOf(manualClock).toBeCallableWith({ at: 0 })
  })
})
