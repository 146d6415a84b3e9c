/**
 * `@octopuspro/contract/ids`: id generators — prefixed, time-sortable ids such as `cus_01jd…` for a server or a
 * test that mints objects. The prefixes themselves (`idPrefixes`, `IdKind`) are part of the contract and live in
 * the main entry.
 *
 * @packageDocumentation
 */
export { createIdGenerator, type IdGenerator, type IdGeneratorOptions, sequentialIds } from './generators.js'
