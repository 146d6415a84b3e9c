/**
 * The answer of {@link DedupeStore.claim}: `new` (this caller owns the id now, with `token` to prove it),
 * `duplicate` (the id was completed before: skip it) or `in_flight` (another process or request owns it now:
 * ask the sender to retry later).
 *
 * @example
 * ```ts
 * const claim: ClaimResult = await store.claim(webhookId)
 * if (claim.status === 'new') await store.complete(webhookId, claim.token)
 * ```
 */
export type ClaimResult = { status: 'new'; token: string } | { status: 'duplicate' } | { status: 'in_flight' }

/**
 * Where the receiver remembers which deliveries (by `webhook-id`) it handled, so an event that is delivered
 * again — retries are at least once — runs its handlers once. Implement it to keep the ids in your own database;
 * the receiver calls `claim`, runs the handlers, then `complete` on success or `release` on failure.
 *
 * Rules an implementation must keep:
 * - `claim` is atomic: of any number of concurrent claims of one id, across processes, exactly one gets `new`.
 * - A `new` claim is held for a bounded time (`inFlightTtlMs`), so a process that crashes mid-handler does not
 *   block the id forever; then a later claim gets `new` again.
 * - `complete(id, token)` marks the id done (remembered for `ttlMs`, answered `duplicate`) unless another owner
 *   has claimed it since; `release(id, token)` forgets the claim only if `token` still owns it.
 *
 * @example
 * ```ts
 * // Postgres: table webhook_claims(id text primary key, token text, done boolean, expires_at timestamptz)
 * const postgresDedupe: DedupeStore = {
 *   async claim(id) {
 *     const token = crypto.randomUUID()
 *     const { rows } = await db.query(
 *       `insert into webhook_claims values ($1, $2, false, now() + interval '60 seconds')
 *        on conflict (id) do update set token = $2, done = false, expires_at = now() + interval '60 seconds'
 *          where webhook_claims.expires_at < now()
 *        returning token`, [id, token])
 *     if (rows.length) return { status: 'new', token }
 *     const { rows: [row] } = await db.query('select done from webhook_claims where id = $1', [id])
 *     return { status: row?.done ? 'duplicate' : 'in_flight' }
 *   },
 *   async complete(id, token) {
 *     await db.query(`update webhook_claims set done = true, expires_at = now() + interval '1 day'
 *                     where id = $1 and token = $2`, [id, token])
 *   },
 *   async release(id, token) {
 *     await db.query('delete from webhook_claims where id = $1 and token = $2 and not done', [id, token])
 *   },
 * }
 * ```
 */
export interface DedupeStore {
  /** Claims `id` for this caller. */
  claim(id: string): Promise<ClaimResult>
  /** Marks a claimed `id` done: later claims answer `duplicate` for the store's retention time. */
  complete(id: string, token: string): Promise<void>
  /** Gives a claimed `id` up after a failure, so the sender's next retry can claim it again. */
  release(id: string, token: string): Promise<void>
}

/** Retention options shared by the stores. @example `memoryDedupe({ ttlMs: 48 * 3600_000, inFlightTtlMs: 120_000 })` */
export interface DedupeTtlOptions {
  /** How long a completed id is remembered (answered `duplicate`), in ms. Default 24 h. */
  ttlMs?: number
  /** How long a claim is held while handlers run, in ms; set it above your slowest handler. Default 60 s. */
  inFlightTtlMs?: number
}

export const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000
export const DEFAULT_IN_FLIGHT_TTL_MS = 60 * 1000
