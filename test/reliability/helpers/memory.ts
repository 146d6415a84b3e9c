import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * A real garbage collection: `global.gc` when node runs with --expose-gc, else the same function obtained by
 * turning the flag on at run time (V8 hands `gc` to contexts created afterwards). `undefined` if neither works,
 * and then callers measure with a much larger margin.
 */
function findGc(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (typeof exposed === 'function') return exposed
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    return typeof gc === 'function' ? (gc as () => void) : undefined
  } catch {
    return undefined
  }
}

const gc = findGc()

/** Whether {@link settledHeapUsed} can force a collection. */
export const canCollectGarbage = gc !== undefined

/**
 * `heapUsed` after full collections (when possible), in bytes.
 *
 * @example
 * ```ts
 * const before = await settledHeapUsed()
 * ```
 */
export async function settledHeapUsed(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return process.memoryUsage().heapUsed
}
