import { startReferenceServer } from '@octopuspro/reference-server'
import { settingsPage } from '@octopuspro/settings-page'
import { interrupted } from '../internal/interrupted.js'
import { createOutput } from '../internal/output.js'
import { parseServerArguments, usage } from './server-arguments.js'

/**
 * `octopuspro server` (also the `octopuspro-server` bin): the reference server on a port, printing its URL and a
 * ready API key and its settings page, then one line per request and per delivery attempt; Ctrl-C (or SIGTERM) closes
 * it cleanly.
 *
 * @example
 * ```ts
 * await serverCommand(['--port', '4010', '--seed', 'demo', '--retry-schedule', '5s,5m,30m'])
 * ```
 */
export async function serverCommand(argv: readonly string[]): Promise<void> {
  const command = parseServerArguments(argv)
  if (command.help) return createOutput(false).note(usage)
  const { options } = command
  const out = createOutput(command.json)
  const stop = interrupted()
  const settings = settingsPage()
  const server = await startReferenceServer({
    ...options,
    logger: (line) => out.emit(line, { type: 'log', line }),
    mount: [settings],
  })
  const seed = typeof options.seed === 'object' ? 'fixtures' : (options.seed ?? 'empty')
  out.emit(
    [
      `OctopusPro reference server listening on ${server.url}`,
      `  base URL  ${server.baseUrl}`,
      `  API key   ${server.apiKey}`,
      `  settings  ${server.url}${settings.path} (API keys, webhooks, deliveries, integrations; paste the key there)`,
      `  seed      ${seed}`,
      'Press Ctrl-C to stop.',
    ].join('\n'),
    {
      type: 'listening',
      url: server.url,
      base_url: server.baseUrl,
      api_key: server.apiKey,
      settings_url: `${server.url}${settings.path}`,
      seed,
    },
  )
  const signal = await stop
  out.emit(`${signal}: closing`, { type: 'closing', signal })
  await server.close()
  out.emit('closed', { type: 'closed' })
}
