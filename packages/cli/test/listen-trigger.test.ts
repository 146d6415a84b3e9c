/**
 * The local development loop as a user runs it, every command a child process: a reference server, `listen`
 * forwarding to a real Express receiver that verifies each delivery with the printed whsec_ secret, `trigger`
 * for every event type, `deliveries tail` and `events resend`, and Ctrl-C removing the endpoint.
 */
import type { Server } from 'node:http'
import { type AddressInfo, createServer } from 'node:net'
import { OctopusPro } from '@octopuspro/client'
import { eventCatalog, type WebhookEvent } from '@octopuspro/contract'
import { type ReferenceServer, startReferenceServer } from '@octopuspro/reference-server'
import { expressWebhooks, Webhooks } from '@octopuspro/webhooks'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliProcess, runCli, runToEnd } from './helpers/run-cli.js'

let server: ReferenceServer
let receiver: Server
let forwardTo: string
let env: NodeJS.ProcessEnv
let webhooks: Webhooks | undefined
/** Every verified event the receiver got, in arrival order (a resend arrives twice). */
const received: WebhookEvent[] = []

beforeAll(async () => {
  server = await startReferenceServer({ port: 0, delivery: { retrySchedule: [50, 200] } })
  env = { OCTOPUSPRO_BASE_URL: server.baseUrl, OCTOPUSPRO_API_KEY: server.apiKey }
  const app = express()
  // Until listen has printed the secret there is nothing to verify with: 503, and the server retries.
  app.post('/webhooks', (req, res) => (webhooks ? expressWebhooks(webhooks)(req, res) : res.status(503).end()))
  receiver = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  forwardTo = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`
})

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve))
  await server.close()
})

async function until<T>(what: string, check: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('listen + trigger', () => {
  let listen: CliProcess
  let tail: CliProcess
  let logs: CliProcess
  let webhookId: string
  let eventIds: Map<string, string>

  it('listen creates an endpoint for --forward-to and prints its signing secret', async () => {
    listen = runCli(['listen', '--forward-to', forwardTo], env)
    tail = runCli(['deliveries', 'tail', '--json'], env)
    logs = runCli(['logs', 'tail'], env)
    const [, id] = await listen.waitFor(/Created webhook endpoint (whk_\w+), forwarding to (\S+)/)
    const [, secret] = await listen.waitFor(/signing secret\s+(whsec_\S+)/)
    webhookId = id as string
    webhooks = new Webhooks({ secret: secret as string })
    webhooks.onAny((event) => {
      received.push(event as WebhookEvent)
    })
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl })
    // The endpoint delivers to listen's forwarder, which passes each delivery on to the receiver.
    expect(await op.webhooks.get(webhookId)).toMatchObject({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
      event_types: ['*'],
      active: true,
      metadata: { created_by: 'octopuspro listen', forward_to: forwardTo },
    })
    expect((await op.webhooks.getSecret(webhookId)).secret).toBe(secret)
    await tail.waitFor(/^\{"type":"ready"\}$/m)
    await logs.waitFor(/^Following the request log/m)
  }, 30_000)

  it('trigger causes each of the 32 event types; each is delivered, verified and printed by listen', async () => {
    const types = eventCatalog.map((entry) => entry.type)
    const all = await runToEnd(['trigger', ...types, '--json'], env)
    expect(all).toMatchObject({ code: 0, stderr: '' })
    const results = jsonLines(all.stdout)
    expect(results.map((result) => result.event_type)).toEqual(types)
    eventIds = new Map(results.map((result) => [result.event_type as string, result.event_id as string]))
    for (const [type, id] of eventIds) {
      const event = await until(`${type} at the receiver`, () => received.find((e) => e.id === id))
      expect(event.type).toBe(type)
    }
    const lines = await until('a listen line for every event', () => {
      const { stdout } = listen.output()
      const found = [...eventIds].map(([type, id]) => stdout.match(new RegExp(`^${type} ${id} 204 \\d+ms$`, 'm')))
      return found.every(Boolean) ? found : undefined
    })
    expect(lines).toHaveLength(32)
    const attempts = await until('a tail line for every event', () => {
      const records = jsonLines(tail.output().stdout)
      const mine = [...eventIds.values()].map((id) => records.find((r) => r.event_id === id))
      return mine.every(Boolean) ? mine : undefined
    })
    expect(attempts[0]).toMatchObject({
      type: 'delivery_attempt',
      endpoint_id: webhookId,
      event_type: types[0],
      attempt: 1,
      status_code: 204,
      error: null,
      delivery_status: 'succeeded',
    })
    // logs tail printed the trigger's requests, e.g. the approval of payment.approved's payment.
    const approved = results.find((result) => result.event_type === 'payment.approved') as {
      steps: { object: { id: string } }[]
    }
    const paymentId = approved.steps[2]?.object.id
    await logs.waitFor(new RegExp(`^POST /v1/payments/${paymentId}/approve 200 \\d+ms req_\\w+$`, 'm'))
  }, 60_000)

  it('trigger payment.approved prints the event and every object it made', async () => {
    const { code, stdout } = await runToEnd(['trigger', 'payment.approved'], env)
    expect(code).toBe(0)
    const steps = ['create customer +cus_', 'create invoice +inv_', 'create payment +pay_', 'approve payment +pay_']
    expect(stdout).toMatch(
      new RegExp(`^payment\\.approved evt_\\w+\\n${steps.map((s) => ` {2}${s}\\w+\\n`).join('')}$`),
    )
  }, 30_000)

  it('events resend delivers an event again; listen prints the second attempt', async () => {
    const id = eventIds.get('booking.created') as string
    const { code, stdout } = await runToEnd(['events', 'resend', id, '--webhook', webhookId], env)
    expect(code).toBe(0)
    expect(stdout).toMatch(new RegExp(`^resending booking.created ${id} to ${webhookId} \\(dlv_\\w+\\)\\n$`))
    await until('the resent event', () => (received.filter((e) => e.id === id).length === 2 ? true : undefined))
    await listen.waitFor(new RegExp(`^booking.created ${id} 204 \\d+ms attempt 2$`, 'm'))
  }, 30_000)

  it('Ctrl-C on listen removes the endpoint and exits 0', async () => {
    listen.child.kill('SIGINT')
    expect(await listen.exited).toBe(0)
    expect(listen.output().stdout).toContain(`SIGINT: removed webhook endpoint ${webhookId}\n`)
    expect(server.deliveries.list({ endpointId: webhookId }).length).toBeGreaterThan(32)
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl })
    expect((await op.webhooks.list()).data).toEqual([])
    tail.child.kill('SIGINT')
    logs.child.kill('SIGINT')
    expect([await tail.exited, await logs.exited]).toEqual([0, 0])
    expect(logs.output().stdout).not.toContain('/v1/request-logs')
  }, 30_000)
})

describe('listen --events and reuse', () => {
  it('subscribes to the expanded --events; a killed listen leaves an endpoint that the next one reuses', async () => {
    const first = runCli(['listen', '--forward-to', forwardTo, '--events', 'booking.*,payment.approved', '--json'], env)
    const [line] = await first.waitFor(/^\{"type":"ready".*\}$/m)
    const ready = JSON.parse(line)
    expect(ready).toMatchObject({
      reused: false,
      forward_to: forwardTo,
      webhook: { event_types: ['booking.created', 'booking.deleted', 'booking.updated', 'payment.approved'] },
    })
    first.child.kill('SIGKILL')
    await first.exited
    const second = runCli(['listen', '--forward-to', forwardTo, '--json'], env)
    const again = JSON.parse((await second.waitFor(/^\{"type":"ready".*\}$/m))[0])
    expect(again).toMatchObject({
      reused: true,
      secret: ready.secret,
      webhook: { id: ready.webhook.id, event_types: ['*'] },
    })
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)
    expect(JSON.parse(second.output().stdout.trim().split('\n').at(-1) as string)).toEqual({
      type: 'removed',
      webhook_id: ready.webhook.id,
    })
  }, 30_000)

  it('a receiver that is down: the server gets a 502 and retries, listen prints why on each attempt', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo
        probe.close(() => resolve(port))
      })
    })
    const down = runCli(['listen', '--forward-to', `http://127.0.0.1:${closed}/webhooks`, '--events', 'user.*'], env)
    const [, webhookId] = await down.waitFor(/Created webhook endpoint (whk_\w+)/)
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl })
    const user = await op.users.create({ name: 'Sam', email: 'sam.down@example.com', role: 'dispatcher' })
    const event = server.events.list().find((e) => e.type === 'user.created' && e.data.id === user.id)
    if (!event) throw new Error('no user.created event for the new user')
    await down.waitFor(new RegExp(`^user.created ${event.id} unreachable \\(.+\\) \\d+ms attempt 2$`, 'm'))
    const [delivery] = server.deliveries.list({ endpointId: webhookId as string })
    expect(delivery?.attempts.slice(0, 2).map((attempt) => attempt.status_code)).toEqual([502, 502])
    down.child.kill('SIGINT')
    expect(await down.exited).toBe(0)
  }, 30_000)
})
