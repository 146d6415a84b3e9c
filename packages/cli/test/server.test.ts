import { describe, expect, it } from 'vitest'
import { parseDuration, parseServerArguments } from '../src/commands/server-arguments.js'
import { runCli } from './helpers/run-cli.js'

describe.concurrent('octopuspro server (and octopuspro-server)', () => {
  it('starts, prints its URL and API key, logs each request, and exits 0 on SIGTERM', async () => {
    const server = runCli(['--port', '0', '--seed', 'demo', '--retry-schedule', '10ms,1s'], {}, 'octopuspro-server')
    const [, url] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
    const [, apiKey] = await server.waitFor(/API key\s+(opk_[0-9A-Za-z]{40})/)
    const [, settings] = await server.waitFor(/settings\s+(http:\S+)/)
    const page = await fetch(settings!)
    expect([settings, page.status, page.headers.get('content-type')]).toEqual([
      `${url}/settings`,
      200,
      'text/html; charset=utf-8',
    ])
    const res = await fetch(`${url}/v1/customers?limit=3`, { headers: { authorization: `Bearer ${apiKey}` } })
    expect(res.status).toBe(200)
    expect((await res.json()).data).toHaveLength(3)
    const requestId = res.headers.get('x-request-id')
    await server.waitFor(new RegExp(`GET /v1/customers 200 \\d+ms ${requestId}`))
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(server.output().stdout).toContain('closed')
  }, 30_000)

  it('with --json, prints the startup and each log line as JSON objects', async () => {
    const server = runCli(['server', '--port', '0', '--json'])
    const [line] = await server.waitFor(/^\{"type":"listening".*\}$/m)
    const started = JSON.parse(line)
    expect(Object.keys(started)).toEqual(['type', 'url', 'base_url', 'api_key', 'settings_url', 'seed'])
    expect(started).toMatchObject({ base_url: `${started.url}/v1`, seed: 'empty' })
    const res = await fetch(`${started.base_url}/account`, { headers: { authorization: `Bearer ${started.api_key}` } })
    expect(res.status).toBe(200)
    const [log] = await server.waitFor(/^\{"type":"log".*\}$/m)
    expect(JSON.parse(log).line).toMatch(/^GET \/v1\/account 200 \d+ms req_/)
    server.child.kill('SIGINT')
    expect(await server.exited).toBe(0)
  }, 30_000)

  it('exits 2 with a clear message on a bad argument', async () => {
    const bad = runCli(['--retry-schedule', '5 minutes'], {}, 'octopuspro-server')
    expect(await bad.exited).toBe(2)
    expect(bad.output().stderr).toBe(
      "octopuspro: '5 minutes' is not a duration; use e.g. 250ms, 5s, 5m, 2h, 1d or a number of ms\n",
    )
  }, 30_000)
})

describe('server command line parsing', () => {
  it('reads durations and options', () => {
    expect(['250ms', '5s', '5m', '2h', '1d', '100', '1.5s'].map(parseDuration)).toEqual([
      250, 5000, 300_000, 7_200_000, 86_400_000, 100, 1500,
    ])
    expect(
      parseServerArguments(['--port', '0', '--host', '0.0.0.0', '--seed', 'demo', '--retry-schedule', '5s,5m']),
    ).toEqual({
      help: false,
      json: false,
      options: { port: 0, host: '0.0.0.0', seed: 'demo', delivery: { retrySchedule: [5000, 300_000] } },
    })
    expect(parseServerArguments([])).toEqual({ help: false, json: false, options: { port: 4010, host: '127.0.0.1' } })
    expect(parseServerArguments(['--data', '.octopuspro', '--api-key', 'opk_x'])).toEqual({
      help: false,
      json: false,
      options: { port: 4010, host: '127.0.0.1', dataDir: '.octopuspro', apiKey: 'opk_x' },
    })
    expect(parseServerArguments(['-h'])).toEqual({ help: true })
    expect(() => parseServerArguments(['--port', '70000'])).toThrow('use a port number from 0 to 65535')
    expect(() => parseServerArguments(['--colour'])).toThrow(
      "Unknown option '--colour' for 'octopuspro server'; see octopuspro server --help",
    )
    expect(() => parseServerArguments(['--seed', '/nonexistent.json'])).toThrow(
      "not 'empty', 'demo' or a readable JSON fixtures file",
    )
  })
})
