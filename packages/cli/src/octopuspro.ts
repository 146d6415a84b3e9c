#!/usr/bin/env node
/**
 * `octopuspro`: the local development loop — `server`, `listen`, `trigger`, `events resend`, `deliveries tail`.
 *
 * @example
 * ```sh
 * npx octopuspro listen --forward-to http://localhost:3000/webhooks --events 'booking.*,payment.approved'
 * ```
 *
 * @packageDocumentation
 */
import { run } from './run.js'

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
