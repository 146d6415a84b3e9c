import type { EventType, WebhookEventOf } from '@octopuspro/contract'
import { createIdGenerator } from '@octopuspro/contract/ids'
import { createSampleEvent, type SampleEventOverrides } from '@octopuspro/contract/samples'

const nextId = createIdGenerator()

/**
 * A valid event of any type for your tests: the contract's realistic sample, with a fresh `id` and the current
 * `timestamp`, and your overrides merged in (`data` field by field).
 *
 * @example
 * ```ts
 * const event = createTestEvent('payment.approved', { data: { amount: 5000 } })
 * await webhooks.receive(event)
 * ```
 */
export function createTestEvent<T extends EventType>(
  type: T,
  overrides: SampleEventOverrides<T> = {},
): WebhookEventOf<T> {
  return createSampleEvent(type, { id: nextId('event'), timestamp: new Date().toISOString(), ...overrides })
}
