import { type ChildProcessByStdio, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'

const examplesDir = new URL('../../../examples/', import.meta.url)

/** The directory of an example, e.g. `exampleDir('crm-sync')`. */
export function exampleDir(name: string): string {
  return fileURLToPath(new URL(`${name}/`, examplesDir))
}

/**
 * The command of an example's package.json script, as `pnpm --filter @octopuspro-examples/<name> <script>` runs it
 * (`node …` with this Node), so a test runs exactly what the README documents.
 */
function scriptCommand(name: string, script: string): string[] {
  const pkg = JSON.parse(readFileSync(new URL(`${name}/package.json`, examplesDir), 'utf8')) as {
    scripts?: Record<string, string>
  }
  const command = pkg.scripts?.[script]
  if (!command?.startsWith('node '))
    throw new Error(`examples/${name}: scripts.${script} should be a "node …" command, got ${command}`)
  return command.split(/\s+/).slice(1)
}

/** A running example: its output so far, a way to wait for a line, and a way to stop it. */
export interface RunningExample {
  readonly stdout: string
  readonly stderr: string
  /** Lines of stdout parsed as JSON (lines that are not JSON are skipped). */
  jsonLines(): Record<string, unknown>[]
  /** Resolves with the first stdout line (already printed or still to come) that matches. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>
  /** Resolves with the exit code once the process exited. */
  exited: Promise<number | null>
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts `pnpm --filter @octopuspro-examples/<name> <script> [args]` (its command, run directly) with extra env. */
export function runExample(
  name: string,
  script: string,
  env: Record<string, string | undefined> = {},
  args: string[] = [],
): RunningExample {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    [...scriptCommand(name, script), ...args],
    {
      cwd: exampleDir(name),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stdout = ''
  let stderr = ''
  const listeners = new Set<() => void>()
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    for (const listener of listeners) listener()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  const lines = () => stdout.split('\n').filter((line) => line !== '')

  return {
    get stdout() {
      return stdout
    },
    get stderr() {
      return stderr
    },
    jsonLines: () =>
      lines().flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>]
        } catch {
          return []
        }
      }),
    waitForLine(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = lines().find(match)
          if (line === undefined) return
          cleanup()
          resolve(line)
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(
            new Error(
              `examples/${name}: no matching line within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`,
            ),
          )
        }, timeoutMs)
        const cleanup = () => {
          clearTimeout(timer)
          listeners.delete(check)
        }
        listeners.add(check)
        void exited.then(() => {
          if (!listeners.has(check)) return
          cleanup()
          reject(
            new Error(
              `examples/${name} exited before printing a matching line\nstdout:\n${stdout}\nstderr:\n${stderr}`,
            ),
          )
        })
        check()
      })
    },
    exited,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}
