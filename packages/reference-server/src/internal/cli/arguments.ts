import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { ReferenceServerError } from '../../errors.js'
import type { Fixtures } from '../../fixtures.js'
import type { StartReferenceServerOptions } from '../../options.js'

/** The usage text of `octopuspro-server`. */
export const usage = `Usage: octopuspro-server [options]

  --port <n>               port to listen on (default 4010; 0 = any free port)
  --host <host>            interface to listen on (default 127.0.0.1)
  --seed <seed>            empty (default), demo, or a JSON file of fixtures
  --api-key <opk_…>        the secret of the ready API key (default: a new one)
  --retry-schedule <list>  webhook retry delays, e.g. 5s,5m,30m,2h (a bare number is ms)
  --data <dir>             keep the state in SQLite in this directory (needs better-sqlite3@12)
  -h, --help               show this help`

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

function invalid(message: string): never {
  throw new ReferenceServerError('invalid_option', message)
}

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
  if (!match) invalid(`'${text}' is not a duration; use e.g. 250ms, 5s, 5m, 2h, 1d or a number of ms`)
  return Math.round(Number(match[1]) * (units[match[2] ?? 'ms'] as number))
}

function parseSeed(value: string): 'empty' | 'demo' | Fixtures {
  if (value === 'empty' || value === 'demo') return value
  try {
    return JSON.parse(readFileSync(value, 'utf8')) as Fixtures
  } catch (error) {
    invalid(`--seed ${value}: not 'empty', 'demo' or a readable JSON fixtures file (${(error as Error).message})`)
  }
}

/** What the command line asks for: the server options, or the help. */
export type CliCommand =
  | { help: true }
  | { help: false; options: StartReferenceServerOptions & { port: number; host: string } }

/** Parses the command line of `octopuspro-server`; throws a `ReferenceServerError` naming the bad argument. */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  let values
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        'api-key': { type: 'string' },
        'retry-schedule': { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    invalid(`${(error as Error).message}\n\n${usage}`)
  }
  if (values.help) return { help: true }
  const port = Number(values.port ?? 4010)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    invalid(`--port ${values.port}: use a port number from 0 to 65535`)
  const options: StartReferenceServerOptions & { port: number; host: string } = {
    port,
    host: values.host ?? '127.0.0.1',
  }
  if (values.seed !== undefined) options.seed = parseSeed(values.seed)
  if (values['api-key'] !== undefined) options.apiKey = values['api-key']
  if (values.data !== undefined) options.dataDir = values.data
  if (values['retry-schedule'] !== undefined) {
    options.delivery = {
      retrySchedule: values['retry-schedule']
        .split(',')
        .filter((part) => part.trim() !== '')
        .map(parseDuration),
    }
  }
  return { help: false, options }
}
