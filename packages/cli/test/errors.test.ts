/**
 * Bad input and an unreachable server, as a user meets them: the CLI as a child process exits non-zero with one
 * line on stderr that says how to fix the command. The rest of the bad command lines go through `run()` in this
 * process (the same code, without a Node start each).
 */
import { createServer } from 'node:net'
import { type ReferenceServer, startReferenceServer } from '@octopuspro/reference-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliveriesTailUsage } from '../src/commands/deliveries-tail.js'
import { eventsResendUsage } from '../src/commands/events-resend.js'
import { listenUsage } from '../src/commands/listen.js'
import { logsTailUsage } from '../src/commands/logs-tail.js'
import { triggerUsage } from '../src/commands/trigger.js'
import { run } from '../src/run.js'
import { runToEnd } from './helpers/run-cli.js'

let server: ReferenceServer
let closedPort: number

beforeAll(async () => {
  server = await startReferenceServer({ port: 0 })
  // A port nothing listens on: bound, read, released.
  closedPort = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
})

afterAll(() => server.close())

const key = 'opk_0000000000000000000000000000000000000000'

describe.concurrent('octopuspro as a child process', () => {
  it.each([
    [['frobnicate'], "octopuspro: 'frobnicate' is not an octopuspro command; run octopuspro --help for the commands"],
    [
      ['trigger', 'payment.aproved', '--api-key', key],
      "octopuspro: trigger 'payment.aproved' is not an event type; payment has payment.approved, payment.created, " +
        'payment.refunded, payment.rejected',
    ],
    [
      ['listen', '--forward-to', 'localhost:3000/webhooks', '--api-key', key],
      "octopuspro: --forward-to 'localhost:3000/webhooks' is not an http(s) URL; pass one such as " +
        'http://localhost:3000/webhooks',
    ],
  ])('%j → exit 2 and one line', async (args, message) => {
    expect(await runToEnd(args)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` })
  })

  it('an unreachable server: exit 1, naming the URL and how to start a server', async () => {
    const baseUrl = `http://127.0.0.1:${closedPort}/v1`
    expect(await runToEnd(['trigger', 'customer.created', '--base-url', baseUrl, '--api-key', key])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `octopuspro: no OctopusPro server answers at ${baseUrl}; start one with 'octopuspro server' or pass ` +
        '--base-url (or set OCTOPUSPRO_BASE_URL)\n',
    })
  })

  it('a wrong API key: exit 1, saying which key to pass', async () => {
    const { code, stderr } = await runToEnd(['deliveries', 'tail'], {
      OCTOPUSPRO_BASE_URL: server.url, // an origin: /v1 is added
      OCTOPUSPRO_API_KEY: key,
    })
    expect(code).toBe(1)
    expect(stderr).toMatch(
      new RegExp(
        `^octopuspro: ${server.baseUrl} refused the API key \\(.+\\); ` +
          "pass --api-key with the key 'octopuspro server' printed, or set OCTOPUSPRO_API_KEY\\n$",
      ),
    )
  })

  it('--help prints the commands and exits 0', async () => {
    const { code, stdout, stderr } = await runToEnd(['--help'])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(stdout).toMatch(/^Usage: octopuspro <command> \[options\]\n/)
    for (const command of ['server', 'listen', 'trigger', 'events resend', 'deliveries tail', 'logs tail'])
      expect(stdout).toContain(`\n  ${command} `)
  })
})

/** Runs the CLI in this process; resolves with the exit code and what went to stderr. */
async function runHere(args: string[], env: Record<string, string> = {}) {
  const saved = { ...process.env }
  Object.assign(process.env, { OCTOPUSPRO_BASE_URL: '', OCTOPUSPRO_API_KEY: '', ...env })
  const errors: string[] = []
  try {
    return { code: await run(args, (line) => errors.push(line)), stderr: errors }
  } finally {
    process.env = saved
  }
}

describe('bad command lines', () => {
  it.each([
    [
      ['listen', '--forward-to', 'http://localhost:3000/webhooks', '--events', 'invoice.paid', '--api-key', key],
      "octopuspro: --events 'invoice.paid' is not an event type; invoice has invoice.created, invoice.deleted, " +
        'invoice.updated',
    ],
    [
      ['listen', '--forward-to', 'http://localhost:3000/webhooks', '--events', 'bill.*', '--api-key', key],
      "octopuspro: --events 'bill.*' matches no event type; the categories are appointment.*, booking.*, " +
        'communication.*, complaint.*, customer.*, inquiry.*, invoice.*, payment.*, quote.*, user.*',
    ],
    [
      ['listen', '--api-key', key],
      'octopuspro: octopuspro listen needs --forward-to <url>, e.g. http://localhost:3000/webhooks',
    ],
    [
      ['deliveries', 'tail', '--base-url', 'ftp://127.0.0.1/v1', '--api-key', key],
      "octopuspro: --base-url 'ftp://127.0.0.1/v1' is not an http(s) URL; pass one such as http://127.0.0.1:4010/v1",
    ],
    [
      ['trigger', 'customer.created'],
      'octopuspro: no API key: pass --api-key opk_… (the key `octopuspro server` printed) or set OCTOPUSPRO_API_KEY',
    ],
    [
      ['trigger'],
      'octopuspro: octopuspro trigger needs an event type such as payment.approved; see octopuspro trigger --help',
    ],
    [
      ['events', 'resend'],
      'octopuspro: octopuspro events resend needs one event id (evt_…); see octopuspro events resend --help',
    ],
    [
      ['events', 'resend', 'evt_1', 'evt_2'],
      "octopuspro: octopuspro events resend takes one event id (evt_…), not 'evt_2'; " +
        'see octopuspro events resend --help',
    ],
    [['events', 'list'], "octopuspro: 'octopuspro events' needs a subcommand (events resend), not 'list'"],
    [
      ['listen', '--forward', 'http://localhost:3000'],
      "octopuspro: Unknown option '--forward' for 'octopuspro listen'; see octopuspro listen --help",
    ],
    [
      ['listen', '--forward-to'],
      "octopuspro: Option '--forward-to <value>' argument missing for 'octopuspro listen'; " +
        'see octopuspro listen --help',
    ],
    [
      ['server', '--base-url', 'http://127.0.0.1:4010'],
      'octopuspro: octopuspro server takes --port and --host, not --base-url ' +
        '(that is for the commands that call a server)',
    ],
  ])('%j → exit 2 and one line', async (args, message) => {
    expect(await runHere(args)).toEqual({ code: 2, stderr: [message] })
  })

  it('an unknown event id: exit 1 with the server message and the request id', async () => {
    const result = await runHere(['events', 'resend', 'evt_0000000000000000000000'], {
      OCTOPUSPRO_BASE_URL: server.baseUrl,
      OCTOPUSPRO_API_KEY: server.apiKey,
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toHaveLength(1)
    expect(result.stderr[0]).toMatch(
      /^octopuspro: .*evt_0000000000000000000000.* \(HTTP 404 resource_missing, req_\w+\)$/,
    )
  })

  it('every command has a usage text with the common options', () => {
    for (const usage of [listenUsage, triggerUsage, eventsResendUsage, deliveriesTailUsage, logsTailUsage]) {
      expect(usage).toMatch(/^Usage: octopuspro /)
      for (const option of ['--base-url', '--api-key', '--json', '--help']) expect(usage).toContain(option)
    }
  })
})
