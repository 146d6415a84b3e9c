import type { OctopusPro } from '../client.js'
import { CrudResource } from '../core/crud-resource.js'

/**
 * Users: the staff of the account (`/v1/users`): admins, dispatchers, fieldworkers, …
 *
 * @example
 * ```ts
 * const fieldworkers = await op.users.list({ role: 'fieldworker', active: true })
 * ```
 */
export class UsersResource extends CrudResource<'users'> {
  constructor(client: OctopusPro) {
    super(client, 'users')
  }
}
