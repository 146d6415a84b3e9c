import { mainUsage } from './commands/help.js'
import { usageError } from './internal/cli-error.js'
import { explainError } from './internal/explain-error.js'

type Command = (argv: readonly string[]) => Promise<void>

/** Every command by its words (`server`, `events resend`, …), loaded when run: `trigger` needs no server code. */
const commands: Record<string, () => Promise<Command>> = {
  server: async () => (await import('./commands/server.js')).serverCommand,
  listen: async () => (await import('./commands/listen.js')).listenCommand,
  trigger: async () => (await import('./commands/trigger.js')).triggerCommand,
  'events resend': async () => (await import('./commands/events-resend.js')).eventsResendCommand,
  'deliveries tail': async () => (await import('./commands/deliveries-tail.js')).deliveriesTailCommand,
  'logs tail': async () => (await import('./commands/logs-tail.js')).logsTailCommand,
}

function findCommand(argv: readonly string[]): { load: () => Promise<Command>; rest: readonly string[] } {
  for (const words of [2, 1]) {
    const load = commands[argv.slice(0, words).join(' ')]
    if (load) return { load, rest: argv.slice(words) }
  }
  const [first = '', second] = argv
  const group = Object.keys(commands).filter((name) => name.startsWith(`${first} `))
  if (group.length > 0)
    usageError(`'octopuspro ${first}' needs a subcommand (${group.join(', ')}), not '${second ?? ''}'`)
  usageError(`'${first}' is not an octopuspro command; run octopuspro --help for the commands`)
}

/**
 * Runs the `octopuspro` command line and resolves with the exit code: 0 when the command succeeded, 2 for a bad
 * command line, 1 when it failed; a failure is one line on stderr (`octopuspro: …`, or given to `reportError`) that
 * says how to fix it.
 *
 * @example
 * ```ts
 * process.exitCode = await run(process.argv.slice(2))
 * ```
 */
export async function run(
  argv: readonly string[],
  reportError: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  try {
    const [first] = argv
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      process.stdout.write(`${mainUsage}\n`)
      return first === undefined ? 2 : 0
    }
    const { load, rest } = findCommand(argv)
    await (await load())(rest)
    return 0
  } catch (error) {
    const failure = explainError(error)
    reportError(`octopuspro: ${failure.message}`)
    return failure.exitCode
  }
}
