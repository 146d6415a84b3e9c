import type { ChangeListener } from './collection.js'

/**
 * A `Map` that tells a listener the key of every `set` and `delete`, so the data dir can write what a request
 * changed; without a listener it is a plain `Map`.
 *
 * @example
 * ```ts
 * const integrations = new ObservedMap<string, IntegrationRecord>((id) => changed.add(id))
 * integrations.set('stripe', record) // changed has 'stripe'
 * ```
 */
export class ObservedMap<K extends string, V> extends Map<K, V> {
  readonly #onChange: ChangeListener | undefined

  constructor(onChange?: ChangeListener) {
    super()
    this.#onChange = onChange
  }

  override set(key: K, value: V): this {
    super.set(key, value)
    this.#onChange?.(key)
    return this
  }

  override delete(key: K): boolean {
    const deleted = super.delete(key)
    if (deleted) this.#onChange?.(key)
    return deleted
  }
}
