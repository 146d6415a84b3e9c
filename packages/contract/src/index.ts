/**
 * `@octopuspro/contract`: the one source of truth of the OctopusPro Open API — zod schemas of every object, body
 * and query, the event catalog, the route table and the OpenAPI document.
 *
 * @packageDocumentation
 */

export * from './bytes.js'
export * from './common.js'
export * from './errors.js'
export * from './event-catalog.js'
export * from './event-types.js'
export * from './events.js'
export * from './id-prefixes.js'
export * from './issues.js'
export * from './list.js'
export * from './money.js'
export * from './openapi.js'
export * from './parse-fast.js'
export * from './primitives.js'
export * from './resources/account.js'
export * from './resources/api-key.js'
export * from './resources/appointment.js'
export * from './resources/booking.js'
export * from './resources/communication.js'
export * from './resources/complaint.js'
export * from './resources/customer.js'
export * from './resources/inquiry.js'
export * from './resources/integration.js'
export * from './resources/invoice.js'
export * from './resources/payment.js'
export * from './resources/quote.js'
export * from './resources/request-log.js'
export * from './resources/schedule.js'
export * from './resources/user.js'
export * from './resources/webhook.js'
export * from './routes.js'
export * from './signing.js'
