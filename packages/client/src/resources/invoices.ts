import type { OctopusPro } from '../client.js'
import { CrudResource } from '../core/crud-resource.js'

/**
 * Invoices: numbered by the server, `open` unless created as `draft`, `paid` once payments cover them (`/v1/invoices`).
 *
 * @example
 * ```ts
 * const invoice = await op.invoices.create({ customer_id: 'cus_123', line_items: [{ description: 'Visit', quantity: 1, unit_amount: 9_900 }] })
 * invoice.number // 'INV-000001'
 * ```
 */
export class InvoicesResource extends CrudResource<'invoices'> {
  constructor(client: OctopusPro) {
    super(client, 'invoices')
  }
}
