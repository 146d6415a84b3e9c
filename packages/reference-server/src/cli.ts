#!/usr/bin/env node
/**
 * `octopuspro-server`: the reference server on a port, printing its URL and a ready API key, one line per request
 * and per delivery attempt; Ctrl-C (or SIGTERM) closes it cleanly.
 *
 * @example
 * ```sh
 * npx octopuspro-server --port 4010 --seed demo --retry-schedule 5s,5m,30m
 * ```
 *
 * @packageDocumentation
 */
import { settingsPage } from '@octopuspro/settings-page'
import { parseCliArguments, usage } from './internal/cli/arguments.js'
import { startReferenceServer } from './start-reference-server.js'

const print = (line: string) => process.stdout.write(`${line}\n`)

async function main(): Promise<void> {
  const command = parseCliArguments(process.argv.slice(2))
  if (command.help) {
    print(usage)
    return
  }
  const { options } = command
  const settings = settingsPage()
  const server = await startReferenceServer({ ...options, logger: print, mount: [settings] })
  print(`OctopusPro reference server listening on ${server.url}`)
  print(`  base URL  ${server.baseUrl}`)
  print(`  API key   ${server.apiKey}`)
  print(`  settings  ${server.url}${settings.path} (API keys, webhooks, deliveries, integrations; paste the key there)`)
  print(`  seed      ${typeof options.seed === 'object' ? 'fixtures' : (options.seed ?? 'empty')}`)
  print('Press Ctrl-C to stop.')
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    print(`${signal}: closing`)
    server.close().then(
      () => print('closed'),
      (error: unknown) => {
        process.stderr.write(`octopuspro-server: ${(error as Error).message}\n`)
        process.exitCode = 1
      },
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(`octopuspro-server: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = (error as { code?: string }).code === 'invalid_option' ? 2 : 1
})
