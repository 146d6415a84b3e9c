/**
 * An environment variable, or `undefined` where there is no `process` (browsers, some edge runtimes) or it is
 * empty.
 *
 * @example
 * ```ts
 * readEnv('OCTOPUSPRO_API_KEY')
 * ```
 */
export function readEnv(name: string): string | undefined {
  return globalThis.process?.env?.[name]?.trim() || undefined
}
