import { WaitTimeoutError } from '../errors.js'

interface Waiter<T> {
  matches(item: T): boolean
  resolve(item: T): void
  reject(error: Error): void
  timer: ReturnType<typeof setTimeout>
}

/** What a {@link Waiters} waits for: how a filter matches an item, and what the timeout message calls one. */
export interface WaitSubject<T, F> {
  /** `event`, `delivery`: the timeout message says "no event matched". */
  noun: string
  matches(filter: F, item: T): boolean
  /** What a waiter resolves with (a snapshot, where items change later); the item itself by default. */
  copy?(item: T): T
}

/**
 * Pending `waitFor` calls — of `server.events` and of `server.deliveries` alike: each resolves with the first
 * item that matches its filter, among those that exist or those passed to {@link Waiters.notify} later, or rejects
 * with a {@link WaitTimeoutError} after a timeout in real time (even on a manual clock, so a test never hangs).
 *
 * @example
 * ```ts
 * const waiters = new Waiters<WebhookEvent, { type?: string }>({ noun: 'event', matches: (f, e) => f.type === e.type })
 * const next = waiters.wait({ type: 'booking.created' }, 1000, [], () => 'check the request that emits it')
 * waiters.notify(event)
 * ```
 */
export class Waiters<T, F> {
  readonly #waiting = new Set<Waiter<T>>()
  readonly #subject: WaitSubject<T, F>
  #closed: Error | undefined

  constructor(subject: WaitSubject<T, F>) {
    this.#subject = subject
  }

  /** The first match among `existing` (in order), else the next notified one; `describe` explains a miss. */
  wait(filter: F, timeoutMs: number, existing: Iterable<T>, describe: () => string): Promise<T> {
    const matches = (item: T) => this.#subject.matches(filter, item)
    for (const item of existing) if (matches(item)) return Promise.resolve(this.#copy(item))
    if (this.#closed) return Promise.reject(this.#closed)
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        matches,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiting.delete(waiter)
          const wanted = `waitFor(${JSON.stringify(filter)}) timed out after ${timeoutMs} ms`
          reject(new WaitTimeoutError(`${wanted}: no ${this.#subject.noun} matched. ${describe()}`))
        }, timeoutMs),
      }
      this.#waiting.add(waiter)
    })
  }

  /** Resolves every waiter that `item` matches. */
  notify(item: T): void {
    for (const waiter of this.#waiting) {
      if (waiter.matches(item)) this.#settle(waiter).resolve(this.#copy(item))
    }
  }

  /** Rejects every pending waiter with `error`, and every later wait that finds no existing match. */
  close(error: Error): void {
    this.#closed = error
    for (const waiter of this.#waiting) this.#settle(waiter).reject(error)
  }

  #copy(item: T): T {
    return this.#subject.copy ? this.#subject.copy(item) : item
  }

  #settle(waiter: Waiter<T>): Waiter<T> {
    clearTimeout(waiter.timer)
    this.#waiting.delete(waiter)
    return waiter
  }
}
