import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const bins = {
  octopuspro: fileURLToPath(new URL('../../src/octopuspro.ts', import.meta.url)),
  'octopuspro-server': fileURLToPath(new URL('../../src/octopuspro-server.ts', import.meta.url)),
}

/** A CLI run as a child process: its output so far, a wait for a line of it, and its exit. */
export interface CliProcess {
  child: ChildProcess
  /** The exit code, or the signal that ended the process. */
  exited: Promise<number | NodeJS.Signals | null>
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>
  output(): { stdout: string; stderr: string }
}

/**
 * Spawns a bin of the package from source, as a user runs it (node + tsx, the source export condition), with
 * `env` added to this process's environment.
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, bin: keyof typeof bins = 'octopuspro'): CliProcess {
  const nodeArgs = ['--conditions=@octopuspro/source', '--import', 'tsx', bins[bin]]
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OCTOPUSPRO_BASE_URL: '', OCTOPUSPRO_API_KEY: '', ...env },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  )
  const waitFor = async (pattern: RegExp): Promise<RegExpMatchArray> => {
    for (let i = 0; i < 300; i++) {
      const match = stdout.match(pattern)
      if (match) return match
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`no ${pattern} in stdout: ${stdout}\nstderr: ${stderr}`)
  }
  return { child, exited, waitFor, output: () => ({ stdout, stderr }) }
}

/** Runs a command to its end: exit code, stdout and stderr. */
export async function runToEnd(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = runCli(args, env)
  const code = await run.exited
  return { code, ...run.output() }
}
