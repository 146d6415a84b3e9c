/**
 * The whole state of a reference server as a plain value, from `server.snapshot()`: every object, API key (hashed),
 * webhook endpoint (with its secrets), event, delivery (attempts, retries left, the bytes it sends), integration,
 * stored idempotent response, and the counters (sequential ids, invoice numbers). It shares nothing that changes,
 * so later writes leave it as it was and `server.restore(snapshot)` can take it any number of times; it survives
 * `JSON.stringify`/`JSON.parse`. Treat the contents as the server's own: the layout may change with `format`.
 *
 * @example
 * ```ts
 * const ready: ReferenceServerSnapshot = server.snapshot()
 * writeFileSync('state.json', JSON.stringify(ready))
 * server.restore(JSON.parse(readFileSync('state.json', 'utf8')))
 * ```
 */
export interface ReferenceServerSnapshot {
  /** The layout; `restore` rejects a snapshot of another format. */
  readonly format: 1
  /** The entries of each table (`customers`, …, `events`, `apiKeys`, `endpoints`, `deliveries`, …), ascending by id. */
  readonly tables: Readonly<Record<string, readonly { readonly id: string }[]>>
  readonly meta: {
    /** The last invoice number handed out. */
    readonly invoiceNumber: number
    /** The next sequential object id and request id (`null` unless `ids: 'sequential'`). */
    readonly ids: number | null
    readonly requestIds: number | null
    /** The endpoints whose attempts have all failed since then (ms), towards disabling them as `failing`. */
    readonly failingSince: readonly (readonly [string, number])[]
  }
}
