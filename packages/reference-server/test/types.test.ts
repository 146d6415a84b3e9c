import type { Customer, WebhookDelivery, WebhookEvent } from '@octopuspro/contract'
import type { HttpHandler } from 'msw'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createReferenceServer,
  type FaultRule,
  type Fixtures,
  type ReferenceServer,
  type ReferenceServerOptions,
  startReferenceServer,
} from '../src/index.js'
import { createHandlers } from '../src/msw.js'

describe('public types', () => {
  it('the three doors share one ReferenceServer type', () => {
    expectTypeOf(createReferenceServer).returns.toEqualTypeOf<ReferenceServer>()
    expectTypeOf(startReferenceServer).returns.resolves.toEqualTypeOf<ReferenceServer>()
    expectTypeOf<ReferenceServer>().toExtend<Parameters<typeof createHandlers>[0]>()
    expectTypeOf(createHandlers).returns.toEqualTypeOf<HttpHandler[]>()
  })

  it('test helpers return contract types', () => {
    expectTypeOf<ReferenceServer['events']['waitFor']>().returns.resolves.toEqualTypeOf<WebhookEvent>()
    expectTypeOf<ReferenceServer['deliveries']['waitFor']>().returns.resolves.toEqualTypeOf<WebhookDelivery>()
    expectTypeOf<ReferenceServer['deliveries']['list']>().returns.toEqualTypeOf<WebhookDelivery[]>()
    expectTypeOf<NonNullable<Fixtures['customers']>[number]>().toEqualTypeOf<Customer>()
  })

  it('options are checked at compile time', () => {
    const options = (value: ReferenceServerOptions) => value
    options({
      seed: 'demo',
      ids: 'sequential',
      rateLimit: false,
      faults: [{ match: '*', status: 503, latencyMs: [10, 20] }],
    })
    // @ts-expect-error seeds are 'empty', 'demo' or fixtures
    options({ seed: 'full' })
    // @ts-expect-error ids are a generator or 'sequential'
    options({ ids: 'random' })
    // @ts-expect-error a latency range is a pair
    const rule: FaultRule = { match: '*', latencyMs: [1, 2, 3] }
    expectTypeOf(rule.match).toBeString()
  })
})
