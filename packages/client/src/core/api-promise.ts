import type { WithResponse } from './types.js'

/**
 * The result of every call: a promise of the parsed data that also offers {@link APIPromise.withResponse}. The
 * request starts at once, like `fetch`.
 *
 * @example
 * ```ts
 * const customer = await op.customers.get(id)
 * const { data, response, requestId } = await op.customers.get(id).withResponse()
 * ```
 */
export class APIPromise<T> implements Promise<T> {
  readonly #result: Promise<WithResponse<T>>

  constructor(result: Promise<WithResponse<T>>) {
    this.#result = result
  }

  /**
   * The data with the raw `Response` (its body already read) and the request id.
   *
   * @example
   * ```ts
   * const { response } = await op.customers.create({ name: 'Ada' }).withResponse()
   * response.headers.get('idempotent-replayed')
   * ```
   */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a thenable by design, so `await` works on it.
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#result.then(({ data }) => data).then(onfulfilled, onrejected)
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected)
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally)
  }

  readonly [Symbol.toStringTag] = 'APIPromise'
}
