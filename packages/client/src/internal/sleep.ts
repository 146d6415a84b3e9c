import { APIUserAbortError } from '../errors/api-user-abort-error.js'

/**
 * Waits `ms`, or rejects with `APIUserAbortError` as soon as `signal` aborts.
 *
 * @example
 * ```ts
 * await sleep(500, options.signal)
 * ```
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError({ cause: signal.reason }))
    const onAbort = () => {
      clearTimeout(timer)
      reject(new APIUserAbortError({ cause: signal?.reason }))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
