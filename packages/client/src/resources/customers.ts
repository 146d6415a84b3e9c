import type { OctopusPro } from '../client.js'
import { CrudResource } from '../core/crud-resource.js'

/**
 * Customers: the people and businesses you serve (`/v1/customers`).
 *
 * @example
 * ```ts
 * const customer = await op.customers.create({ name: 'Ada Lovelace', email: 'ada@example.com', tags: ['vip'] })
 * for await (const c of op.customers.list({ tag: 'vip' })) console.log(c.name)
 * ```
 */
export class CustomersResource extends CrudResource<'customers'> {
  constructor(client: OctopusPro) {
    super(client, 'customers')
  }
}
