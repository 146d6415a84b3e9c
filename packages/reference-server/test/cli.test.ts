import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseCliArguments, parseDuration } from '../src/internal/cli/arguments.js'

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const nodeArgs = ['--conditions=@octopuspro/source', '--import', 'tsx', cli]

function run(args: string[]) {
  const child = spawn(process.execPath, [...nodeArgs, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
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

describe.concurrent('octopuspro-server', () => {
  it('starts, prints its URL and API key, logs each request, and exits 0 on SIGTERM', async () => {
    const server = run(['--port', '0', '--seed', 'demo', '--retry-schedule', '10ms,1s'])
    const [, url] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
    const [, apiKey] = await server.waitFor(/API key\s+(opk_[0-9A-Za-z]{40})/)
    const res = await fetch(`${url}/v1/customers?limit=3`, { headers: { authorization: `Bearer ${apiKey}` } })
    expect(res.status).toBe(200)
    expect((await res.json()).data).toHaveLength(3)
    const requestId = res.headers.get('x-request-id')
    await server.waitFor(new RegExp(`GET /v1/customers 200 \\d+ms ${requestId}`))
    const [, settings] = await server.waitFor(/settings\s+(http:\S+)/)
    const page = await fetch(settings!)
    expect([settings, page.status, page.headers.get('content-type')]).toEqual([
      `${url}/settings`,
      200,
      'text/html; charset=utf-8',
    ])
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(server.output().stdout).toContain('closed')
  }, 30_000)

  it('exits 2 with a clear message on a bad argument', async () => {
    const bad = run(['--retry-schedule', '5 minutes'])
    expect(await bad.exited).toBe(2)
    expect(bad.output().stderr).toContain("'5 minutes' is not a duration")
  }, 30_000)
})

describe('command line parsing', () => {
  it('reads durations and options', () => {
    expect(['250ms', '5s', '5m', '2h', '1d', '100', '1.5s'].map(parseDuration)).toEqual([
      250, 5000, 300_000, 7_200_000, 86_400_000, 100, 1500,
    ])
    expect(
      parseCliArguments(['--port', '0', '--host', '0.0.0.0', '--seed', 'demo', '--retry-schedule', '5s,5m']),
    ).toEqual({
      help: false,
      options: { port: 0, host: '0.0.0.0', seed: 'demo', delivery: { retrySchedule: [5000, 300_000] } },
    })
    expect(parseCliArguments([])).toEqual({ help: false, options: { port: 4010, host: '127.0.0.1' } })
    expect(parseCliArguments(['-h'])).toEqual({ help: true })
    expect(() => parseCliArguments(['--port', '70000'])).toThrow('use a port number from 0 to 65535')
    expect(() => parseCliArguments(['--colour'])).toThrow("Unknown option '--colour'")
    expect(() => parseCliArguments(['--seed', '/nonexistent.json'])).toThrow(
      "not 'empty', 'demo' or a readable JSON fixtures file",
    )
  })
})
