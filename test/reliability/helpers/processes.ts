import { type ChildProcess, spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { Redis } from 'ioredis'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** A fixture process and what it printed. */
export interface FixtureProcess {
  process: ChildProcess
  /** The first match of `ready` in its stdout. */
  ready: RegExpExecArray
  readonly stderr: string
}

/**
 * Starts `fixtures/<name>` (TypeScript source, through tsx) with extra env; resolves once its stdout matches
 * `ready`, rejects if it exits first.
 *
 * @example
 * ```ts
 * const receiver = await startFixture('queue-receiver-process.ts', env, /listening (\d+)/)
 * const port = Number(receiver.ready[1])
 * ```
 */
export function startFixture(name: string, env: Record<string, string>, ready: RegExp): Promise<FixtureProcess> {
  const script = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))
  const child = spawn(process.execPath, ['--conditions=@octopuspro/source', '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    let stdout = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      const match = ready.exec(stdout)
      if (match)
        resolve({
          process: child,
          ready: match,
          get stderr() {
            return stderr
          },
        })
    })
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready: ${stderr}`)))
  })
}

/** Whether a process is still running. */
export const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null

/** SIGTERMs every fixture still running and waits until all exited. */
export async function stopFixtures(fixtures: readonly FixtureProcess[]): Promise<void> {
  await Promise.all(
    fixtures
      .filter((fixture) => isRunning(fixture.process))
      .map((fixture) => {
        const exited = new Promise((resolve) => fixture.process.once('exit', resolve))
        fixture.process.kill('SIGTERM')
        return exited
      }),
  )
}

/** Polls `condition` every 20 ms; throws naming `what` after `timeoutMs`. */
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await sleep(20)
  }
}

/** "<pid> <event id>" entries of a Redis list, as the pids per event id. */
export function runsPerEvent(entries: readonly string[]): Map<string, string[]> {
  const runs = new Map<string, string[]>()
  for (const entry of entries) {
    const [pid, id] = entry.split(' ') as [string, string]
    runs.set(id, [...(runs.get(id) ?? []), pid])
  }
  return runs
}

/**
 * The crash of the scenarios: waits until one of `candidates` logged `victim` to the `<prefix>started` list,
 * SIGKILLs that process, then waits until another one logged it to `<prefix>handled`. Resolves with the killed
 * process and its pid.
 *
 * @example
 * ```ts
 * const { killed, pid } = await killWhoStarted(redis, prefix, victimEventId, workers)
 * ```
 */
export async function killWhoStarted<P extends { process: ChildProcess }>(
  redis: Redis,
  prefix: string,
  victim: string,
  candidates: readonly P[],
): Promise<{ killed: P; pid: string }> {
  const logged = async (list: string) =>
    (await redis.lrange(`${prefix}${list}`, 0, -1)).find((entry) => entry.endsWith(` ${victim}`))?.split(' ')[0]
  let pid = ''
  await waitUntil(`a process started ${victim}`, async () => {
    pid = (await logged('started')) ?? ''
    return pid !== ''
  })
  const killed = candidates.find((candidate) => String(candidate.process.pid) === pid)!
  killed.process.kill('SIGKILL')
  await waitUntil(`another process handled ${victim}`, async () => (await logged('handled')) !== undefined, 30_000)
  return { killed, pid }
}
