import type { Customer } from '@octopuspro/contract'
import { sequentialIds } from '@octopuspro/contract/ids'
import { sampleObjects } from '@octopuspro/contract/samples'

/**
 * `count` realistic customers, valid against the contract, with sequential ids: the same data for the reference
 * server, json-server and the node:http floor.
 */
export function benchCustomers(count: number): Customer[] {
  const nextId = sequentialIds(1_000_000)
  return Array.from({ length: count }, (_, i) => ({
    ...sampleObjects.CUSTOMER,
    id: nextId('customer'),
    name: `Customer ${i}`,
    email: `customer${i}@example.com`,
  }))
}

/** The body of a customer create, the same for every server. */
export const customerCreateBody = JSON.stringify({
  name: 'Grace Hopper',
  email: 'grace@example.com',
  phone: '+1 555 0142',
  company: 'Compilers Inc',
  tags: ['new'],
})
