interface Waiter<T> {
  matches(item: T): boolean
  resolve(item: T): void
  reject(error: Error): void
  timer: ReturnType<typeof setTimeout>
}

/**
 * Pending `waitFor` calls: each resolves with the first item passed to {@link Waiters.notify} that it matches, or
 * rejects after a timeout in real time (even on a manual clock, so a test never hangs).
 *
 * @example
 * ```ts
 * const waiters = new Waiters<WebhookEvent>()
 * const next = waiters.wait((e) => e.type === 'booking.created', 1000, () => new Error('no booking.created'))
 * waiters.notify(event)
 * ```
 */
export class Waiters<T> {
  readonly #waiting = new Set<Waiter<T>>()

  wait(matches: (item: T) => boolean, timeoutMs: number, timeoutError: () => Error): Promise<T> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        matches,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiting.delete(waiter)
          reject(timeoutError())
        }, timeoutMs),
      }
      this.#waiting.add(waiter)
    })
  }

  /** Resolves every waiter that `item` matches, with `copy(item)` (a snapshot, where items change later). */
  notify(item: T, copy: (item: T) => T = (same) => same): void {
    for (const waiter of this.#waiting) {
      if (waiter.matches(item)) this.#settle(waiter).resolve(copy(item))
    }
  }

  rejectAll(error: Error): void {
    for (const waiter of this.#waiting) this.#settle(waiter).reject(error)
  }

  #settle(waiter: Waiter<T>): Waiter<T> {
    clearTimeout(waiter.timer)
    this.#waiting.delete(waiter)
    return waiter
  }
}
