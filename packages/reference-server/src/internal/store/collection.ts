/** An object a collection can hold: anything with an id. */
export interface Identified {
  id: string
}

/** Index of the first id in `ids` (sorted ascending) that is greater than (`after`) or at least (`!after`) `id`. */
export function searchIds(ids: readonly string[], id: string, after: boolean): number {
  let low = 0
  let high = ids.length
  while (low < high) {
    const mid = (low + high) >>> 1
    const current = ids[mid] as string
    if (current < id || (after && current === id)) low = mid + 1
    else high = mid
  }
  return low
}

/** Told the id of every object inserted, replaced or deleted (what the data dir writes after the request). */
export type ChangeListener = (id: string) => void

/**
 * An in-memory table kept in id order (= creation order: ids are time-sortable), so lists and cursors are
 * positions in one sorted array. Objects are replaced, never mutated, so a stored object can be handed out (and
 * kept in an event or a snapshot) as it is.
 */
export class Collection<T extends Identified> {
  readonly #byId = new Map<string, T>()
  #ids: string[] = []
  readonly #onChange: ChangeListener | undefined

  constructor(onChange?: ChangeListener) {
    this.#onChange = onChange
  }

  get size(): number {
    return this.#byId.size
  }

  get(id: string): T | undefined {
    return this.#byId.get(id)
  }

  has(id: string): boolean {
    return this.#byId.has(id)
  }

  /** Adds a new object; ids from the generator only grow, so this is an append except for fixtures. */
  insert(object: T): void {
    if (this.#byId.has(object.id)) throw new Error(`duplicate id ${object.id}`)
    this.#byId.set(object.id, object)
    const last = this.#ids.at(-1)
    if (last === undefined || last < object.id) this.#ids.push(object.id)
    else this.#ids.splice(searchIds(this.#ids, object.id, false), 0, object.id)
    this.#onChange?.(object.id)
  }

  /** Fills an empty collection with objects already in ascending id order (a snapshot's), telling no listener. */
  load(objects: readonly T[]): void {
    if (this.#ids.length > 0) throw new Error('load() fills an empty collection only')
    this.#ids = objects.map((object) => object.id)
    for (const object of objects) this.#byId.set(object.id, object)
  }

  /** Replaces the stored object of the same id. */
  replace(object: T): void {
    if (!this.#byId.has(object.id)) throw new Error(`no object ${object.id} to replace`)
    this.#byId.set(object.id, object)
    this.#onChange?.(object.id)
  }

  delete(id: string): boolean {
    if (!this.#byId.delete(id)) return false
    const index = searchIds(this.#ids, id, false)
    this.#ids.splice(index, 1)
    this.#onChange?.(id)
    return true
  }

  /** The ids in ascending order (read-only view for pagination). */
  ids(): readonly string[] {
    return this.#ids
  }

  /** The object with the lowest id. */
  first(): T | undefined {
    const id = this.#ids[0]
    return id === undefined ? undefined : this.#byId.get(id)
  }

  /** Every object in id order. */
  values(): T[] {
    return this.#ids.map((id) => this.#byId.get(id) as T)
  }

  /** The first object that matches, in id order. */
  find(predicate: (object: T) => boolean): T | undefined {
    for (const id of this.#ids) {
      const object = this.#byId.get(id) as T
      if (predicate(object)) return object
    }
    return undefined
  }
}
