import type { OctopusPro } from '../client.js'

/**
 * The base of every resource group (`op.customers`, `op.payments`, …): it only holds the client its methods
 * delegate to.
 *
 * @example
 * ```ts
 * class CustomersResource extends APIResource {
 *   get(id: string) { return this._client.request(routes.customers.get, { id }) }
 * }
 * ```
 */
export abstract class APIResource {
  /** The client whose `request` and `requestPage` the methods call. */
  protected readonly _client: OctopusPro

  constructor(client: OctopusPro) {
    this._client = client
  }
}
