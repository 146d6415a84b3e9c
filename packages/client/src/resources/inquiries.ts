import type { OctopusPro } from '../client.js'
import { CrudResource } from '../core/crud-resource.js'

/**
 * Inquiries: leads that may become customers (`/v1/inquiries`).
 *
 * @example
 * ```ts
 * const inquiry = await op.inquiries.create({ name: 'Grace Hopper', service: 'Gutter cleaning', source: 'website' })
 * ```
 */
export class InquiriesResource extends CrudResource<'inquiries'> {
  constructor(client: OctopusPro) {
    super(client, 'inquiries')
  }
}
