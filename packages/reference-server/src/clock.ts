/**
 * Where the reference server gets the time. Every timestamp it writes and every retry it schedules goes through a
 * `Clock`, so a {@link manualClock} makes event bodies and retry schedules exactly assertable.
 *
 * @example
 * ```ts
 * const clock: Clock = systemClock
 * clock.setTimeout(() => console.log(new Date(clock.now()).toISOString()), 1000)
 * ```
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /**
   * Calls `fn` once `ms` have passed; returns a handle for {@link Clock.clearTimeout}. When `fn` returns a promise,
   * a manual clock's `advance` waits for it, so the work a timer starts is finished when `advance` resolves.
   */
  setTimeout(fn: () => void, ms: number): unknown
  /** Cancels a timer; a handle that already fired or was cleared is ignored. */
  clearTimeout(handle: unknown): void
}

/**
 * The real clock: `Date.now()` and the platform's timers.
 *
 * @example
 * ```ts
 * createReferenceServer({ clock: systemClock })
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * A clock whose time moves only when told to.
 *
 * @example `const clock: ManualClock = manualClock('2026-11-27T10:00:00.000Z')`
 */
export interface ManualClock extends Clock {
  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way in time order (timers those timers
   * schedule included) and waiting for the work they start; timers due at the same instant run together.
   */
  advance(ms: number): Promise<void>
  /** Moves time forward to `time` (ms since the epoch, ISO string or Date), as {@link ManualClock.advance} does. */
  set(time: number | string | Date): Promise<void>
  /** How many timers are scheduled and have not fired: 0 after everything that set timers was closed. */
  readonly pendingTimers: number
}

interface ManualTimer {
  readonly due: number
  readonly fn: () => unknown
}

/**
 * A clock frozen at `start` (default: the real time when it is made). Time moves only with `advance`/`set`; a
 * timer already due (e.g. `setTimeout(fn, 0)`) still runs at once, on the next tick, as it would on a stopped
 * real clock — so a first delivery attempt goes out without advancing, and a retry waits for `advance`.
 *
 * @example
 * ```ts
 * const clock = manualClock('2026-11-27T10:00:00.000Z')
 * const server = createReferenceServer({ clock, delivery: { retrySchedule: [5000] } })
 * // … the receiver answers 500 to the first attempt …
 * await server.deliveries.idle()
 * await clock.advance(5000) // the retry has been sent and recorded when this resolves
 * ```
 */
export function manualClock(start: number | string | Date = Date.now()): ManualClock {
  return new ManualClockImpl(toEpochMs(start))
}

class ManualClockImpl implements ManualClock {
  #now: number
  /** Sorted by due time, then by creation, so timers due together fire in the order they were set. */
  readonly #timers: ManualTimer[] = []
  readonly #work = new Set<Promise<unknown>>()
  #flushScheduled = false

  constructor(start: number) {
    this.#now = start
  }

  // Methods are bound (arrow properties) so they can be passed around: `{ now: clock.now }`.
  readonly now = (): number => this.#now

  get pendingTimers(): number {
    return this.#timers.length
  }

  readonly setTimeout = (fn: () => void, ms: number): unknown => {
    const timer: ManualTimer = { due: this.#now + Math.max(ms, 0), fn }
    this.#timers.splice(this.#insertionIndex(timer.due), 0, timer)
    if (timer.due <= this.#now) this.#scheduleFlush()
    return timer
  }

  readonly clearTimeout = (handle: unknown): void => {
    const index = this.#timers.indexOf(handle as ManualTimer)
    if (index >= 0) this.#timers.splice(index, 1)
  }

  readonly advance = async (ms: number): Promise<void> => {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`manualClock.advance(${ms}): pass a number of milliseconds ≥ 0`)
    }
    await this.#runUntil(this.#now + ms)
  }

  readonly set = async (time: number | string | Date): Promise<void> => {
    const target = toEpochMs(time)
    if (target < this.#now) {
      throw new RangeError(
        `manualClock.set(${JSON.stringify(time)}) would move time back from ${new Date(this.#now).toISOString()}; a ` +
          `clock only moves forward — make a new manualClock to start over`,
      )
    }
    await this.#runUntil(target)
  }

  async #runUntil(target: number): Promise<void> {
    await this.#settle()
    for (let next = this.#timers[0]; next !== undefined && next.due <= target; next = this.#timers[0]) {
      this.#now = next.due
      await this.#settle()
    }
    this.#now = target
  }

  /** Fires every due timer and waits until the work they started (and any timer it made due) is done. */
  async #settle(): Promise<void> {
    this.#fireDue()
    while (this.#work.size > 0) {
      await Promise.all(this.#work)
      this.#fireDue()
    }
  }

  #fireDue(): void {
    while (this.#timers[0] !== undefined && this.#timers[0].due <= this.#now) {
      const result = this.#timers.shift()!.fn()
      if (isPromiseLike(result)) this.#track(result)
    }
  }

  #track(work: PromiseLike<unknown>): void {
    const tracked: Promise<unknown> = Promise.resolve(work).finally(() => this.#work.delete(tracked))
    this.#work.add(tracked)
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return
    this.#flushScheduled = true
    setTimeout(() => {
      this.#flushScheduled = false
      this.#fireDue()
    }, 0)
  }

  #insertionIndex(due: number): number {
    let low = 0
    let high = this.#timers.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.#timers[middle]!.due <= due) low = middle + 1
      else high = middle
    }
    return low
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === 'function'
}

function toEpochMs(time: number | string | Date): number {
  const ms = time instanceof Date ? time.getTime() : typeof time === 'string' ? Date.parse(time) : time
  if (!Number.isFinite(ms)) {
    throw new TypeError(
      `${JSON.stringify(time)} is not a time; pass ms since the epoch, an ISO string such as ` +
        `'2026-11-27T10:00:00.000Z' or a Date`,
    )
  }
  return ms
}
