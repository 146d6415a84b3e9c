/**
 * Tracks, per endpoint, since when every attempt has failed, and says when that has lasted the whole window —
 * the moment the wire contract §4 disables the endpoint as `failing`.
 *
 * @example
 * ```ts
 * const window = new FailingWindow(5 * 24 * 3600_000)
 * window.failed('whk_1', now)  // false: failing since now
 * window.clear('whk_1')        // a success: healthy again
 * ```
 */
export class FailingWindow {
  readonly #windowMs: number
  /** Endpoint id → time of its first failed attempt since its last success. */
  readonly #failingSince = new Map<string, number>()

  constructor(windowMs: number) {
    this.#windowMs = windowMs
  }

  /**
   * Records a failed attempt at `now`; `true` when the endpoint has now failed for the whole window (it starts afresh).
   */
  failed(endpointId: string, now: number): boolean {
    const since = this.#failingSince.get(endpointId) ?? now
    if (now - since >= this.#windowMs) {
      this.#failingSince.delete(endpointId)
      return true
    }
    this.#failingSince.set(endpointId, since)
    return false
  }

  /** After a success (or a disabling for another reason) the endpoint is no longer failing. */
  clear(endpointId: string): void {
    this.#failingSince.delete(endpointId)
  }

  /** Endpoint id and time of its first failure, for every endpoint failing now (what a snapshot keeps). */
  entries(): [string, number][] {
    return [...this.#failingSince]
  }

  /** Takes the failing endpoints of {@link FailingWindow.entries} back. */
  load(entries: readonly (readonly [string, number])[]): void {
    for (const [endpointId, since] of entries) this.#failingSince.set(endpointId, since)
  }
}
