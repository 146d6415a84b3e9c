/** A first-in first-out queue with O(1) `shift` (an array's `shift` moves every element). */
class Fifo<T> {
  #items: (T | undefined)[] = []
  #head = 0

  get size(): number {
    return this.#items.length - this.#head
  }

  push(item: T): void {
    this.#items.push(item)
  }

  shift(): T | undefined {
    if (this.#head === this.#items.length) return undefined
    const item = this.#items[this.#head]
    this.#items[this.#head++] = undefined
    if (this.#head === this.#items.length) {
      this.#items = []
      this.#head = 0
    } else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head)
      this.#head = 0
    }
    return item
  }
}

interface Lane {
  running: number
  /** Each waiter gets `true` when a slot is handed to it, `false` when the slots are dropped. */
  waiting: Fifo<(granted: boolean) => void>
}

/**
 * Limits how many attempts run at once per endpoint; the rest wait in arrival order and each freed slot goes
 * straight to the next in line.
 *
 * @example
 * ```ts
 * const slots = new EndpointSlots(10)
 * await slots.run('whk_1', () => sendOne()) // waits while 10 attempts to whk_1 are in flight
 * ```
 */
export class EndpointSlots {
  readonly #limit: number
  readonly #lanes = new Map<string, Lane>()

  constructor(limit: number) {
    this.#limit = limit
  }

  /**
   * Runs `task` once `endpointId` has a free slot; resolves when it is done, or at once if the slots are dropped first.
   */
  async run(endpointId: string, task: () => Promise<void>): Promise<void> {
    let lane = this.#lanes.get(endpointId)
    if (lane === undefined) {
      lane = { running: 0, waiting: new Fifo() }
      this.#lanes.set(endpointId, lane)
    }
    if (lane.running < this.#limit) {
      lane.running++
    } else {
      const waiting = lane.waiting
      if (!(await new Promise<boolean>((resolve) => waiting.push(resolve)))) return
    }
    try {
      await task()
    } finally {
      this.#release(endpointId, lane)
    }
  }

  /** Turns away every waiting task (their `run` resolves without running them); running ones finish on their own. */
  drop(): void {
    for (const lane of this.#lanes.values()) {
      for (let next = lane.waiting.shift(); next !== undefined; next = lane.waiting.shift()) next(false)
    }
    this.#lanes.clear()
  }

  #release(endpointId: string, lane: Lane): void {
    const next = lane.waiting.shift()
    if (next !== undefined) next(true)
    else if (--lane.running === 0 && this.#lanes.get(endpointId) === lane) this.#lanes.delete(endpointId)
  }
}
