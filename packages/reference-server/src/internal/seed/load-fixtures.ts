import { summarizeIssues, validate } from '@octopuspro/contract'
import { ReferenceServerError } from '../../errors.js'
import { Fixtures } from '../../fixtures.js'
import { isAPIError } from '../api-error.js'
import { checkReferences } from '../handlers/references.js'
import type { ResourceName, State } from '../state.js'
import type { Collection, Identified } from '../store/collection.js'

/** Referenced collections come before the ones that reference them. */
const loadOrder: readonly ResourceName[] = [
  'customers',
  'users',
  'inquiries',
  'quotes',
  'bookings',
  'appointments',
  'invoices',
  'payments',
  'complaints',
  'communications',
]

function fail(message: string): never {
  throw new ReferenceServerError('fixtures_invalid', `seed fixtures: ${message}`)
}

/**
 * Loads the user's objects: each checked against the contract, ids unique, references resolving; the invoice
 * counter continues after the highest fixture number. No events are emitted.
 */
export function loadFixtures(state: State, fixtures: unknown): void {
  const result = validate(Fixtures, fixtures)
  if (!result.success) fail(summarizeIssues(result.details))
  for (const resource of loadOrder) {
    const collection = state.resources[resource] as unknown as Collection<Identified>
    for (const [index, object] of (result.data[resource] ?? []).entries()) {
      if (collection.has(object.id)) fail(`${resource}.${index}.id '${object.id}' appears twice; ids must be unique`)
      try {
        checkReferences(state, resource, object)
      } catch (error) {
        if (isAPIError(error)) fail(`${resource}.${index}: ${error.message}`)
        throw error
      }
      collection.insert(object)
    }
  }
  for (const invoice of state.resources.invoices.values()) {
    state.invoiceNumber = Math.max(state.invoiceNumber, Number(invoice.number.slice(4)))
  }
}
