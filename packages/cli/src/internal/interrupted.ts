/**
 * Resolves with the signal's name at the first Ctrl-C (SIGINT) or SIGTERM, so a long-running command can clean up
 * and return instead of being killed mid-way.
 *
 * @example
 * ```ts
 * const signal = await interrupted()
 * await cleanUp()
 * ```
 */
export function interrupted(): Promise<'SIGINT' | 'SIGTERM'> {
  return new Promise((resolve) => {
    const on = (signal: 'SIGINT' | 'SIGTERM') => () => {
      process.off('SIGINT', onInt)
      process.off('SIGTERM', onTerm)
      resolve(signal)
    }
    const onInt = on('SIGINT')
    const onTerm = on('SIGTERM')
    process.once('SIGINT', onInt)
    process.once('SIGTERM', onTerm)
  })
}
