import type { OctopusPro } from '../client.js'
import { CrudResource } from '../core/crud-resource.js'

/**
 * Quotes: priced line items offered to a customer; totals are computed by the server (`/v1/quotes`).
 *
 * @example
 * ```ts
 * const quote = await op.quotes.create({ customer_id: 'cus_123', line_items: [{ description: 'Deep clean', quantity: 1, unit_amount: 18_000 }] })
 * quote.total // 18000
 * ```
 */
export class QuotesResource extends CrudResource<'quotes'> {
  constructor(client: OctopusPro) {
    super(client, 'quotes')
  }
}
