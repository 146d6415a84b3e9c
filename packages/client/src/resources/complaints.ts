import type { OctopusPro } from '../client.js'
import { CrudResource } from '../core/crud-resource.js'

/**
 * Complaints raised by customers (`/v1/complaints`).
 *
 * @example
 * ```ts
 * await op.complaints.create({ customer_id: 'cus_123', subject: 'Late arrival', description: 'Two hours late', severity: 'medium' })
 * ```
 */
export class ComplaintsResource extends CrudResource<'complaints'> {
  constructor(client: OctopusPro) {
    super(client, 'complaints')
  }
}
