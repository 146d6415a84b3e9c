import { readFileSync } from 'node:fs'
import type { Fixtures, StartReferenceServerOptions } from '@octopuspro/reference-server'
import { usageError } from '../internal/cli-error.js'
import { parseCommandLine } from '../internal/command-line.js'

/** The usage text of `octopuspro server` (and of `octopuspro-server`, the same command). */
export const usage = `Usage: octopuspro server [options]    (also: octopuspro-server [options])

The reference server on a port: the whole API in memory, delivering signed webhooks.

  --port <n>               port to listen on (default 4010; 0 = any free port)
  --host <host>            interface to listen on (default 127.0.0.1)
  --seed <seed>            empty (default), demo, or a JSON file of fixtures
  --data <dir>             keep the server's data in this directory across restarts
  --api-key <opk_…>        the secret of the ready API key (default: a new one)
  --retry-schedule <list>  webhook retry delays, e.g. 5s,5m,30m,2h (a bare number is ms)
  --json                   print the startup as one JSON object, then each log line as {"type":"log","line"}
  -h, --help               show this help`

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/**
 * A duration such as `5s`, `5m`, `2h`, `1d`, `250ms` or a bare number of milliseconds.
 *
 * @example
 * ```ts
 * parseDuration('5m') // 300000
 * ```
 */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim())
  if (!match) usageError(`'${text}' is not a duration; use e.g. 250ms, 5s, 5m, 2h, 1d or a number of ms`)
  return Math.round(Number(match[1]) * (units[match[2] ?? 'ms'] as number))
}

function parseSeed(value: string): 'empty' | 'demo' | Fixtures {
  if (value === 'empty' || value === 'demo') return value
  try {
    return JSON.parse(readFileSync(value, 'utf8')) as Fixtures
  } catch (error) {
    usageError(`--seed ${value}: not 'empty', 'demo' or a readable JSON fixtures file (${(error as Error).message})`)
  }
}

/** What the command line asks for: the server options (and whether to print JSON), or the help. */
export type ServerCommand =
  | { help: true }
  | { help: false; json: boolean; options: StartReferenceServerOptions & { port: number; host: string } }

/**
 * Parses the command line of `octopuspro server`; throws a `usage` `CliError` naming the bad argument.
 *
 * @example
 * ```ts
 * parseServerArguments(['--port', '0', '--seed', 'demo']) // { help: false, json: false, options: { port: 0, … } }
 * ```
 */
export function parseServerArguments(argv: readonly string[]): ServerCommand {
  const { values } = parseCommandLine(argv, {
    name: 'server',
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      data: { type: 'string' },
      'retry-schedule': { type: 'string' },
    },
  })
  if (values['base-url'] !== undefined)
    usageError(
      'octopuspro server takes --port and --host, not --base-url (that is for the commands that call a server)',
    )
  if (values.help) return { help: true }
  const port = Number(values.port ?? 4010)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    usageError(`--port ${values.port}: use a port number from 0 to 65535`)
  const options: StartReferenceServerOptions & { port: number; host: string } = {
    port,
    host: values.host ?? '127.0.0.1',
  }
  if (values.seed !== undefined) options.seed = parseSeed(values.seed)
  if (values.data !== undefined) options.dataDir = values.data
  if (values['api-key'] !== undefined) options.apiKey = values['api-key']
  if (values['retry-schedule'] !== undefined) {
    options.delivery = {
      retrySchedule: values['retry-schedule']
        .split(',')
        .filter((part) => part.trim() !== '')
        .map(parseDuration),
    }
  }
  return { help: false, json: values.json === true, options }
}
