import { listRoutes, type RouteGroup } from '@octopuspro/contract'

/**
 * What one object of each route group (and each collection) is called in messages: the `label` of the group's
 * routes in the contract's route table.
 */
export const labels = Object.fromEntries(listRoutes().map(({ group, definition }) => [group, definition.label])) as {
  readonly [G in RouteGroup]: string
}
