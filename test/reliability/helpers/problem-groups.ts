/**
 * What a fuzz run found wrong, grouped by kind: how often each kind happened and its first example, so a failing
 * run prints one line per kind instead of thousands.
 */
export class ProblemGroups {
  readonly #groups = new Map<string, { count: number; example: string }>()

  /** Counts one problem of kind `key`; `example` describes the request, kept for the first of its kind. */
  add(key: string, example: () => string): void {
    const group = this.#groups.get(key) ?? { count: 0, example: example() }
    group.count++
    this.#groups.set(key, group)
  }

  /** Adds every group of `other`, its keys prefixed (e.g. with the door that found them). */
  addAll(other: ProblemGroups, prefix: string): void {
    for (const [key, group] of other.#groups) this.#groups.set(`${prefix}${key}`, group)
  }

  /** How many problems were counted, of every kind. */
  get count(): number {
    return [...this.#groups.values()].reduce((n, group) => n + group.count, 0)
  }

  /** One entry per kind, `3× key` and its example; empty when nothing went wrong. */
  report(): string {
    return [...this.#groups].map(([key, { count, example }]) => `${count}× ${key}\n    e.g. ${example}`).join('\n')
  }
}
