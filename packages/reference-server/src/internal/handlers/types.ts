import type { RouteGroup, Routes } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import type { Call } from '../call.js'

type Parsed<R, K extends string> = R extends { [P in K]: infer S extends z.ZodMiniType } ? z.output<S> : undefined

/** The validated input of one route: its path id, query and body as the contract's schemas output them. */
export interface HandlerInput<R> {
  id: Parsed<R, 'id'>
  query: Parsed<R, 'query'>
  body: Parsed<R, 'body'>
  call: Call
}

/** The business logic of one route: validated input in, the route's response object out (errors are thrown). */
export type Handler<R> = (input: HandlerInput<R>) => Parsed<R, 'response'>

/** A handler for every route of the contract's table; a route added to the table fails typecheck until served. */
export type HandlerTable = { [G in RouteGroup]: { [A in keyof Routes[G]]: Handler<Routes[G][A]> } }

/** A handler seen from the generic route pipeline, which validated its input against the same route. */
export type RouteHandlerFunction = (input: { id: unknown; query: unknown; body: unknown; call: Call }) => unknown
