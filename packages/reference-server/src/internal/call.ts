import type { EventType, IdKind } from '@octopuspro/contract'
import type { DeliveryEngine } from '../delivery/engine.js'
import type { State } from './state.js'

/**
 * What a handler may use during one request: the state, this request's time, ids, and the event log. Seeding
 * builds the demo data through the same handlers with a call whose `emit` records nothing.
 */
export interface Call {
  state: State
  /** This request's time as an ISO timestamp; every timestamp a request writes is this one. */
  now: string
  nowMs: number
  id(kind: IdKind): string
  /** Records an event (and dispatches it to the subscribed endpoints). */
  emit(type: EventType, data: object, previous?: Record<string, unknown>): void
  /** The webhook delivery engine (deliveries routes and test events). */
  deliveries: DeliveryEngine
  /** Webhook URLs must be https unless they point at loopback. */
  requireHttps: boolean
}
