import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The workspace root: children run from it so `--import tsx` and the workspace packages resolve. */
const root = fileURLToPath(new URL('../../', import.meta.url))

/** A bench process on its own core (servers under load, receivers, a client whose memory is measured). */
export interface Child<Ready> {
  /** What the child sent once it was ready (its URL, a key, a secret). */
  ready: Ready
  /** Sends a message and resolves with the child's answer. */
  request<T>(message: unknown): Promise<T>
  close(): Promise<void>
}

/**
 * Children resolve the workspace packages as this process does: from their built `dist`, as users run them (`pnpm
 * bench` builds first), or from their TypeScript source under vitest and the source condition (the smoke run,
 * which needs no build). Through tsx, the source cost the server about 40 % more CPU per GET than its build.
 */
const packageConditions =
  process.env.VITEST || process.execArgv.includes('--conditions=@octopuspro/source')
    ? ['--conditions=@octopuspro/source']
    : []

/**
 * `BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` passes Node flags to every child (to profile a server).
 */
function extraNodeArgs(): string[] {
  return (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean)
}

interface Envelope {
  id?: number
  ready?: unknown
  reply?: unknown
  error?: string
}

/**
 * Starts `script` (TypeScript, run with tsx) and waits for its ready message.
 * The child ends when this process closes it or goes away.
 */
export async function startChild<Ready>(
  script: URL,
  options: { args?: string[]; nodeArgs?: string[]; env?: Record<string, string> } = {},
): Promise<Child<Ready>> {
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      ...extraNodeArgs(),
      ...packageConditions,
      '--import',
      'tsx',
      fileURLToPath(script),
      ...(options.args ?? []),
    ],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...options.env } },
  )
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  let nextId = 1
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ready = await new Promise<Ready>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`${fileURLToPath(script)} exited with ${code} before it was ready`))
    child.once('exit', onExit)
    child.once('error', reject)
    child.on('message', (message: Envelope) => {
      if ('ready' in message) {
        child.off('exit', onExit)
        resolve(message.ready as Ready)
        return
      }
      const waiter = message.id === undefined ? undefined : pending.get(message.id)
      if (!waiter || message.id === undefined) return
      pending.delete(message.id)
      if (message.error !== undefined) waiter.reject(new Error(message.error))
      else waiter.resolve(message.reply)
    })
  })
  child.once('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`child exited with ${code}`))
    pending.clear()
  })
  return {
    ready,
    request<T>(message: unknown) {
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        child.send({ id, message })
      })
    },
    /** Disconnects, so the child exits on its own (writing a --cpu-prof profile, say); SIGTERM after 5 s. */
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const force = setTimeout(() => child.kill('SIGTERM'), 5000)
      if (child.connected) child.disconnect()
      else child.kill('SIGTERM')
      await exited
      clearTimeout(force)
    },
  }
}

const CPU_USAGE = 'cpu-usage'

function cpuMicros(): number {
  const { user, system } = process.cpuUsage()
  return user + system
}

/**
 * CPU time (user + system, µs) the child has used so far: the difference over a load run, divided by its
 * requests, is the child's cost per request — steadier than throughput on a shared machine.
 */
export function childCpuMicros(child: Child<unknown>): Promise<number> {
  return child.request<number>(CPU_USAGE)
}

/**
 * The child's side: announces `ready`, answers each request with `onRequest` (and {@link childCpuMicros} itself),
 * and exits when the parent closes the channel (so no bench process outlives its run).
 */
export function serveParent(ready: unknown, onRequest: (message: unknown) => unknown = () => undefined): void {
  const parent = process as ChildProcess & NodeJS.Process
  if (!parent.send) throw new Error('run this script through startChild(): it needs an IPC channel')
  parent.on('message', (envelope: { id: number; message: unknown }) => {
    Promise.resolve()
      .then(() => (envelope.message === CPU_USAGE ? cpuMicros() : onRequest(envelope.message)))
      .then(
        (reply) => parent.send!({ id: envelope.id, reply }),
        (error: unknown) =>
          parent.send!({ id: envelope.id, error: error instanceof Error ? error.message : String(error) }),
      )
  })
  parent.on('disconnect', () => process.exit(0))
  parent.send({ ready })
}
