import { type ParseArgsConfig, parseArgs } from 'node:util'
import { usageError } from './cli-error.js'

type OptionSpecs = NonNullable<ParseArgsConfig['options']>

/** The options every command takes besides its own. */
export const commonOptions = {
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecs

/** The help lines of {@link commonOptions}, for the end of every usage text. */
export const commonUsage = `  --base-url <url>         the server's API (default: OCTOPUSPRO_BASE_URL, else
                           http://127.0.0.1:4010/v1)
  --api-key <opk_…>        the API key (default: OCTOPUSPRO_API_KEY; \`octopuspro server\` prints one)
  --json                   print one JSON object per line instead of text
  -h, --help               show this help`

/** The parsed options of a command: its own and the common ones, each a string or a boolean, when given. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof (O & typeof commonOptions)]?: (O & typeof commonOptions)[K] extends { type: 'boolean' } ? boolean : string
}

/** What one command declares: its name in messages, its own options and how many positionals it takes. */
export interface CommandSpec<O extends OptionSpecs> {
  name: string
  options: O
  positionals?: { min: number; max: number; what: string }
}

/**
 * Parses the arguments of one command with `node:util`'s `parseArgs`, strictly: an unknown option, a missing
 * value or a wrong number of positionals is a `usage` error whose one line names the problem and the help.
 *
 * @example
 * ```ts
 * const { values, positionals } = parseCommandLine(argv, { name: 'trigger', options: {}, positionals })
 * ```
 */
export function parseCommandLine<O extends OptionSpecs>(
  argv: readonly string[],
  spec: CommandSpec<O>,
): { values: OptionValues<O>; positionals: string[] } {
  const help = `see octopuspro ${spec.name} --help`
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...commonOptions, ...spec.options },
      strict: true,
      allowPositionals: spec.positionals !== undefined,
    })
  } catch (error) {
    // Node's first sentence names the problem; the rest of its message is advice about `--` we do not need.
    const [first] = (error as Error).message.split(/\.\s/)
    usageError(`${first?.replace(/\.$/, '')} for 'octopuspro ${spec.name}'; ${help}`)
  }
  const values = parsed.values as OptionValues<O>
  const { positionals } = parsed
  const count = spec.positionals
  if (count && !values.help) {
    if (positionals.length < count.min) usageError(`octopuspro ${spec.name} needs ${count.what}; ${help}`)
    if (positionals.length > count.max)
      usageError(
        `octopuspro ${spec.name} takes ${count.what}, not '${positionals.slice(count.max).join(' ')}'; ${help}`,
      )
  }
  return { values, positionals }
}
