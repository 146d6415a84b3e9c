/**
 * `@octopuspro/reference-server`: the whole OctopusPro Open API in memory — every route of the contract, its
 * business rules and errors, events, and signed webhook deliveries with retries — for test suites and local
 * development. Three doors onto one app: in process (`createReferenceServer`), on a port
 * (`startReferenceServer`, and `octopuspro server` from `@octopuspro/cli`) and msw
 * (`@octopuspro/reference-server/msw`).
 *
 * @packageDocumentation
 */

export { type Clock, type ManualClock, manualClock, systemClock } from './clock.js'
export { createReferenceServer } from './create-reference-server.js'
export type { DeliveryListFilter, DeliveryWaitFilter, DeliveryWaitOptions } from './delivery/engine.js'
export { DeliveryEngineClosedError, DeliveryError } from './delivery/errors.js'
export { ReferenceServerError, type ReferenceServerErrorCode, WaitTimeoutError } from './errors.js'
export { Fixtures } from './fixtures.js'
export type {
  AddedRouteHandlers,
  FaultRule,
  MountedHandler,
  ReferenceServer,
  ReferenceServerOptions,
  StartReferenceServerOptions,
} from './options.js'
export type { ReferenceServerSnapshot } from './snapshot.js'
export { startReferenceServer } from './start-reference-server.js'
