import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url))

/** A reference server in a child process, listening. */
export interface SpawnedServer {
  child: ChildProcess
  baseUrl: string
  /** The ready key's secret, as the server printed it. */
  apiKey: string
  /** Resolves with the exit code, or the signal that ended the process. */
  exited: Promise<number | NodeJS.Signals | null>
  output(): string
}

/**
 * Starts the reference server CLI on `port` with its state in `dataDir` (retries after 5 s, then 1 min), and
 * resolves once it prints its URL and key. The one place that knows how the server is started.
 */
export async function spawnServer({ dataDir, port }: { dataDir: string; port: number }): Promise<SpawnedServer> {
  const args = ['--port', String(port), '--data', dataDir, '--retry-schedule', '5s,1m']
  const child = spawn(process.execPath, ['--conditions=@octopuspro/source', '--import', 'tsx', cli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal))
  })
  const started = new Promise<{ baseUrl: string; apiKey: string }>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const baseUrl = /base URL\s+(\S+)/.exec(output)?.[1]
      const apiKey = /API key\s+(opk_\w+)/.exec(output)?.[1]
      if (baseUrl && apiKey) resolve({ baseUrl, apiKey })
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    exited.then((code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)))
  })
  return { child, exited, output: () => output, ...(await started) }
}
