import { type CliProcess, runCli } from './run-cli.js'

/** `octopuspro server --data` in a child process, listening. */
export interface SpawnedServer extends CliProcess {
  baseUrl: string
  /** The ready key's secret, as the server printed it. */
  apiKey: string
}

/**
 * Starts `octopuspro server` on `port` with its state in `dataDir` (retries after 5 s, then 1 min), and resolves
 * once it prints its URL and key.
 *
 * @example
 * ```ts
 * const server = await spawnServer({ dataDir, port: 4010 })
 * ```
 */
export async function spawnServer({ dataDir, port }: { dataDir: string; port: number }): Promise<SpawnedServer> {
  const run = runCli(['server', '--port', String(port), '--data', dataDir, '--retry-schedule', '5s,1m'])
  const started = Promise.all([run.waitFor(/base URL\s+(\S+)/), run.waitFor(/API key\s+(opk_\w+)/)])
  const exitedEarly = run.exited.then((code) => {
    throw new Error(`the server exited (${code}) before listening:\n${run.output().stderr}`)
  })
  const [[, baseUrl], [, apiKey]] = await Promise.race([started, exitedEarly])
  return { ...run, baseUrl: baseUrl!, apiKey: apiKey! }
}
