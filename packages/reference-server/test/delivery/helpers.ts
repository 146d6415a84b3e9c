import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateWebhookSecret, type WebhookEvent } from '@octopuspro/contract'
import { sequentialIds } from '@octopuspro/contract/ids'
import { createSampleEvent } from '@octopuspro/contract/samples'
import { afterEach } from 'vitest'
import { type Clock, systemClock } from '../../src/clock.js'
import { DeliveryEngine, type DeliveryEngineOptions, type EndpointForDelivery } from '../../src/delivery/engine.js'

/** A request as the receiver got it: the raw body, untouched. */
export interface ReceivedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** How the receiver answers one request, after `delayMs` or once `heldUntil` resolves. */
export type Answer = {
  status: number
  body?: string
  headers?: Record<string, string>
  delayMs?: number
  heldUntil?: Promise<unknown>
}
export type Responder = (request: ReceivedRequest, index: number) => Answer

/** A real node:http webhook receiver on a loopback port that records every request and counts concurrency. */
export interface Receiver {
  url: string
  port: number
  requests: ReceivedRequest[]
  /** The most requests it was handling at one time. */
  maxConcurrent: number
  respond(responder: Responder): void
  close(): Promise<void>
}

export async function startReceiver(responder: Responder = () => ({ status: 204 }), port = 0): Promise<Receiver> {
  let current = 0
  let answer = responder
  const pendingDelays = new Set<ReturnType<typeof setTimeout>>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      const index = receiver.requests.push(request) - 1
      current++
      receiver.maxConcurrent = Math.max(receiver.maxConcurrent, current)
      const { status, body = '', headers = {}, delayMs = 0, heldUntil } = answer(request, index)
      const send = (response: ServerResponse) => {
        current--
        response.writeHead(status, headers).end(body)
      }
      if (heldUntil !== undefined) return void heldUntil.then(() => send(res))
      if (delayMs === 0) return send(res)
      const timer = setTimeout(() => {
        pendingDelays.delete(timer)
        send(res)
      }, delayMs)
      pendingDelays.add(timer)
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actualPort = (server.address() as AddressInfo).port
  const receiver: Receiver = {
    url: `http://127.0.0.1:${actualPort}/hooks`,
    port: actualPort,
    requests: [],
    maxConcurrent: 0,
    respond(next) {
      answer = next
    },
    async close() {
      for (const timer of pendingDelays) clearTimeout(timer)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  return receiver
}

/**
 * A `startReceiver` whose receivers are all closed after each test of the file that calls it.
 *
 * @example
 * ```ts
 * const receiver = trackedReceivers()
 * const target = await receiver(() => ({ status: 500 }))
 * ```
 */
export function trackedReceivers(): typeof startReceiver {
  let receivers: Receiver[] = []
  afterEach(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()))
    receivers = []
  })
  return async (...args) => {
    const started = await startReceiver(...args)
    receivers.push(started)
    return started
  }
}

/** Resolves once `condition` holds, checking every few ms (for states only the receiver sees). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2))
}

/** A loopback port nothing listens on: connections to it are refused. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A clock on real time that counts its live timers, to prove nothing is left scheduled. */
export function countingClock(): Clock & { readonly live: number } {
  const live = new Set<unknown>()
  return {
    now: () => systemClock.now(),
    setTimeout(fn, ms) {
      const handle = systemClock.setTimeout(() => {
        live.delete(handle)
        return (fn as () => unknown)()
      }, ms)
      live.add(handle)
      return handle
    },
    clearTimeout(handle) {
      live.delete(handle)
      systemClock.clearTimeout(handle)
    },
    get live() {
      return live.size
    },
  }
}

/** An endpoint the test can change between attempts (deactivate, rotate, delete). */
export interface TestEndpoint extends EndpointForDelivery {
  secretList: string[]
}

export interface TestEngine {
  engine: DeliveryEngine
  endpoints: Map<string, TestEndpoint>
  disabled: { id: string; reason: string }[]
  lines: string[]
  addEndpoint(url: string, id?: string): TestEndpoint
}

/** An engine with a test-controlled endpoint table, no jitter and sequential ids. */
export function createTestEngine(options: Partial<DeliveryEngineOptions> = {}): TestEngine {
  const endpoints = new Map<string, TestEndpoint>()
  const disabled: { id: string; reason: string }[] = []
  const lines: string[] = []
  const engine = new DeliveryEngine({
    userAgent: 'OctopusPro-Webhooks/test',
    ids: sequentialIds(),
    jitter: 0,
    timeoutMs: 1000,
    retrySchedule: [10, 20],
    getEndpoint: (id) => endpoints.get(id),
    disableEndpoint: (id, reason) => {
      disabled.push({ id, reason })
      const endpoint = endpoints.get(id)
      if (endpoint) endpoint.active = false
    },
    logger: (line) => lines.push(line),
    ...options,
  })
  let count = 0
  return {
    engine,
    endpoints,
    disabled,
    lines,
    addEndpoint(url, id = `whk_${String(++count).padStart(22, '0')}`) {
      const endpoint: TestEndpoint = {
        id,
        url,
        active: true,
        secretList: [generateWebhookSecret()],
        secrets: () => endpoint.secretList,
      }
      endpoints.set(id, endpoint)
      return endpoint
    },
  }
}

let eventCount = 0

/** A fresh `booking.created` event with a unique id. */
export function testEvent(): WebhookEvent {
  eventCount++
  return createSampleEvent('booking.created', { id: `evt_${String(eventCount).padStart(22, '0')}` }) as WebhookEvent
}
