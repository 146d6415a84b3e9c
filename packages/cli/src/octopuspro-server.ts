#!/usr/bin/env node
/**
 * `octopuspro-server`: the same as `octopuspro server`, under the name the reference server's CLI always had.
 *
 * @example
 * ```sh
 * npx octopuspro-server --port 4010 --seed demo --retry-schedule 5s,5m,30m
 * ```
 *
 * @packageDocumentation
 */
import { run } from './run.js'

run(['server', ...process.argv.slice(2)]).then((code) => {
  process.exitCode = code
})
