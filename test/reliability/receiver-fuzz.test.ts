import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import { generateWebhookSecret, type UnknownWebhookEvent, type WebhookEvent } from '@octopuspro/contract'
import { sequentialIds } from '@octopuspro/contract/ids'
import { createSampleEvent } from '@octopuspro/contract/samples'
import { expressWebhooks, memoryDedupe, nodeWebhooks, Webhooks } from '@octopuspro/webhooks'
import express from 'express'
import fc from 'fast-check'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { type Listening, listen, rawRequest } from './helpers/http.js'
import { canCollectGarbage, settledHeapUsed } from './helpers/memory.js'
import { ProblemGroups } from './helpers/problem-groups.js'
import { recordFigures } from './helpers/results.js'
import { sign } from './helpers/sign.js'
import { ReceiverModel, type Verdict } from './receiver-fuzz/model.js'
import {
  buildRequest,
  type FuzzRequest,
  MAX_BODY_BYTES,
  NOW_MS,
  NOW_SECONDS,
  replayRequest,
  type Step,
  sequence,
  TOLERANCE_SECONDS,
} from './receiver-fuzz/requests.js'

const require = createRequire(import.meta.url)
const express4 = require('express4') as typeof express

const SECRETS = [generateWebhookSecret(), generateWebhookSecret()] as const
const STRANGER = generateWebhookSecret()
const SEED = 20261127

/** What came back, whichever door it went through. */
interface Answer {
  status: number
  body: string
}

/** One receiver as its users configure it, with a handler that records every event it is given. */
function receiver() {
  const handled: (WebhookEvent | UnknownWebhookEvent)[] = []
  const webhooks = new Webhooks({
    secret: SECRETS,
    tolerance: TOLERANCE_SECONDS,
    maxBodyBytes: MAX_BODY_BYTES,
    now: () => NOW_MS,
    dedupe: memoryDedupe(),
  })
  webhooks.onAny((event) => {
    handled.push(event)
  })
  const model = new ReceiverModel({
    secrets: SECRETS,
    toleranceSeconds: TOLERANCE_SECONDS,
    nowSeconds: NOW_SECONDS,
    maxBodyBytes: MAX_BODY_BYTES,
  })
  return { webhooks, handled, model }
}

const hasBody = (method: string) => method !== 'GET' && method !== 'HEAD'

/** Compares an answer with the model's verdict; a description of the difference, or undefined when they agree. */
function disagreement(
  verdict: Verdict,
  answer: Answer,
  newlyHandled: readonly (WebhookEvent | UnknownWebhookEvent)[],
): string | undefined {
  if (answer.status !== verdict.status)
    return `status ${answer.status} (${answer.body.slice(0, 160)}), expected ${JSON.stringify(verdict)}`
  if (verdict.status === 204) {
    const [event] = newlyHandled
    if (newlyHandled.length !== 1 || !event) return `handlers ran ${newlyHandled.length} times for a verified event`
    if (event.id !== verdict.eventId || event.type !== verdict.type)
      return `handlers got ${event.type} ${event.id}, expected ${verdict.type} ${verdict.eventId}`
    if (('unknown' in event && event.unknown === true) !== verdict.unknown)
      return `unknown flag wrong for type ${event.type}`
    return answer.body === '' ? undefined : `204 with a body: ${answer.body}`
  }
  if (newlyHandled.length > 0)
    return `handlers ran for a delivery answered ${answer.status}: ${newlyHandled.map((e) => e.id).join(', ')}`
  let body: unknown
  try {
    body = JSON.parse(answer.body)
  } catch {
    return `answer ${answer.status} is not JSON: ${answer.body.slice(0, 160)}`
  }
  if (verdict.status === 200)
    return JSON.stringify(body) === JSON.stringify({ duplicate: true, id: verdict.duplicateOf })
      ? undefined
      : `duplicate body ${answer.body}`
  const error = (body as { error?: { reason?: unknown; message?: unknown } }).error
  if (error?.reason !== verdict.reason) return `reason ${String(error?.reason)}, expected ${verdict.reason}`
  if (typeof error.message !== 'string' || error.message.length < 10) return `no useful message: ${answer.body}`
  if (verdict.header !== undefined && !error.message.includes(verdict.header))
    return `message does not name ${verdict.header}: ${error.message}`
  if (/\n\s+at /.test(answer.body)) return `stack trace in the body: ${answer.body}`
  return undefined
}

/** Tallies of a fuzz run, and every disagreement (grouped by what went wrong). */
class Tally {
  requests = 0
  faulty = 0
  faultsInjected = 0
  handlerRuns = 0
  /** Handler runs for a delivery that was not a verified new event. */
  unverifiedRuns = 0
  /** Verified new events whose handlers did not run. */
  lost = 0
  readonly byOutcome = new Map<string, number>()
  readonly disagreements = new ProblemGroups()

  count(request: FuzzRequest, verdict: Verdict, runs: number, problem: string | undefined): void {
    this.requests++
    if (verdict.status === 204) {
      this.handlerRuns += Math.min(runs, 1)
      this.unverifiedRuns += Math.max(runs - 1, 0)
      if (runs === 0) this.lost++
    } else {
      this.unverifiedRuns += runs
    }
    this.faultsInjected += request.faults.filter((f) => !f.startsWith('replay')).length
    if (request.faults.some((f) => !f.startsWith('replay'))) this.faulty++
    const outcome =
      verdict.status === 204
        ? '204 handled'
        : verdict.status === 200
          ? '200 duplicate'
          : `${verdict.status} ${verdict.reason}`
    this.byOutcome.set(outcome, (this.byOutcome.get(outcome) ?? 0) + 1)
    if (problem) {
      const key =
        `${outcome} ← ${request.faults.join(' + ') || 'no fault'}: ` +
        `${problem.replace(/evt_\w+|[A-Za-z0-9+/]{20,}=*/g, '…').slice(0, 120)}`
      this.disagreements.add(
        key,
        () =>
          `${request.method} ${JSON.stringify(request.lines)} body(${request.body.byteLength} ` +
          `B)=${JSON.stringify(Buffer.from(request.body.subarray(0, 200)).toString('latin1'))}`,
      )
    }
  }
}

/** Runs one generated sequence through a door: a fresh receiver, each request judged by the model first. */
async function runSequence(
  steps: Step[],
  send: (webhooks: Webhooks, request: FuzzRequest) => Promise<Answer>,
  tally: Tally,
): Promise<void> {
  const { webhooks, handled, model } = receiver()
  const ids = sequentialIds()
  const sent: FuzzRequest[] = []
  for (const step of steps) {
    if (step.kind === 'replay' && sent.length === 0) continue
    const request =
      step.kind === 'fresh'
        ? buildRequest(step.recipe, { secrets: SECRETS, stranger: STRANGER, ids })
        : replayRequest(sent[step.pick % sent.length]!, step.resign, SECRETS[0])
    sent.push(request)
    const verdict = model.judge({
      method: request.method,
      headers: new Headers(request.lines),
      body: hasBody(request.method) ? request.body : new Uint8Array(),
    })
    const before = handled.length
    const answer = await send(webhooks, request)
    const newlyHandled = handled.slice(before)
    tally.count(request, verdict, newlyHandled.length, disagreement(verdict, answer, newlyHandled))
  }
}

async function inProcess(webhooks: Webhooks, request: FuzzRequest): Promise<Answer> {
  const init: RequestInit = { method: request.method, headers: new Headers(request.lines) }
  if (hasBody(request.method)) init.body = request.body as BodyInit
  const response = await webhooks.handle(new Request('http://receiver.test/webhooks', init))
  return { status: response.status, body: await response.text() }
}

/** Header lines as node:http sends them: a repeated name becomes one line per value. */
function nodeHeaders(lines: readonly [string, string][]): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of lines) {
    const key = name.toLowerCase()
    const existing = headers[key]
    headers[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]
  }
  return headers
}

function overPort(url: string) {
  return async (_webhooks: Webhooks, request: FuzzRequest): Promise<Answer> => {
    const outcome = await rawRequest(url, {
      method: request.method,
      headers: nodeHeaders(request.lines),
      ...(hasBody(request.method) && { body: request.body }),
    })
    return 'error' in outcome ? { status: 0, body: `network error ${outcome.error}` } : outcome
  }
}

describe('fuzzing the receiver with hostile deliveries', () => {
  const figures = {
    inProcess: new Tally(),
    ports: new Tally(),
    heapGrowthMb: 0,
    heapMeasuredOver: 0,
    processErrors: 0,
    consoleErrors: 0,
  }
  afterAll(() => {
    const all = [figures.inProcess, figures.ports]
    const sum = (pick: (t: Tally) => number) => all.reduce((n, t) => n + pick(t), 0)
    const outcomes = new Map<string, number>()
    for (const t of all) for (const [k, v] of t.byOutcome) outcomes.set(k, (outcomes.get(k) ?? 0) + v)
    const wrong = sum((t) => t.disagreements.count)
    recordFigures({
      file: import.meta.url,
      id: '1-receiver-fuzz',
      title: 'Receiver fuzz (hostile deliveries)',
      summary: {
        tried: sum((t) => t.requests),
        faults: sum((t) => t.faultsInjected),
        lost: sum((t) => t.lost),
        duplicates: sum((t) => t.unverifiedRuns),
        wrong,
      },
      figures: [
        { label: 'requests tried', value: sum((t) => t.requests) },
        { label: '… in process (webhooks.handle)', value: figures.inProcess.requests },
        { label: '… over real ports (node:http, Express 5, Express 4)', value: figures.ports.requests },
        { label: 'requests with an injected fault', value: sum((t) => t.faulty) },
        { label: 'faults injected', value: sum((t) => t.faultsInjected) },
        ...[...outcomes]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([label, value]) => ({ label: `answered ${label}`, value })),
        { label: 'answers that differ from the spec model', value: wrong },
        { label: 'handler runs for verified new events', value: sum((t) => t.handlerRuns) },
        { label: 'handler runs for an unverified, refused or duplicate delivery', value: sum((t) => t.unverifiedRuns) },
        {
          label: 'crashes / unhandled errors / unexpected-failure logs',
          value: figures.processErrors + figures.consoleErrors,
        },
        {
          label:
            `heap growth over ${figures.heapMeasuredOver} requests after a warm-up, after GC ` +
            `(MB${canCollectGarbage ? '' : ', no forced GC'})`,
          value: Number(figures.heapGrowthMb.toFixed(2)),
        },
      ],
    })
  })

  it('answers ≥ 10,000 generated requests in process exactly as the spec says, runs handlers only for verified new ' +
    'events, keeps memory flat', async () => {
    const sequences = fc.sample(sequence, { seed: SEED, numRuns: 2_400 })
    const tally = figures.inProcess
    const processErrors: unknown[] = []
    const onError = (error: unknown) => processErrors.push(error)
    process.on('unhandledRejection', onError)
    process.on('uncaughtException', onError)
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const warmUp = sequences.splice(0, 200)
      for (const steps of warmUp) await runSequence(steps, inProcess, tally)
      const heapBefore = await settledHeapUsed()
      const warmUpRequests = tally.requests
      for (const steps of sequences) await runSequence(steps, inProcess, tally)
      figures.heapMeasuredOver = tally.requests - warmUpRequests
      const heapAfter = await settledHeapUsed()
      figures.heapGrowthMb = (heapAfter - heapBefore) / 2 ** 20
      figures.processErrors = processErrors.length
      figures.consoleErrors = consoleError.mock.calls.length
    } finally {
      process.off('unhandledRejection', onError)
      process.off('uncaughtException', onError)
      consoleError.mockRestore()
    }

    expect(tally.requests).toBeGreaterThanOrEqual(10_000)
    expect(processErrors).toEqual([])
    expect(figures.consoleErrors).toBe(0)
    // Every fresh receiver is garbage once its sequence ends: what is left grows with nothing.
    expect(figures.heapGrowthMb).toBeLessThan(canCollectGarbage ? 8 : 64)
    // The generator reaches every answer a receiver can give to a delivery.
    for (const outcome of [
      '204 handled',
      '200 duplicate',
      '400 invalid_json',
      '400 invalid_payload',
      '401 missing_header',
      '401 invalid_timestamp',
      '401 timestamp_too_old',
      '401 timestamp_too_new',
      '401 no_matching_signature',
      '405 method_not_allowed',
      '413 payload_too_large',
      '415 unsupported_media_type',
    ]) {
      expect(tally.byOutcome.get(outcome) ?? 0, outcome).toBeGreaterThan(20)
    }
    expect(tally.disagreements.report()).toBe('')
  }, 60_000)

  it('refuses a validly signed body that is not UTF-8 (400 invalid_json) rather than handle it corrupted', async () => {
    const { webhooks, handled } = receiver()
    const event = createSampleEvent('customer.created', { id: 'evt_latin1', data: { name: 'José Müller' } })
    const body = Buffer.from(JSON.stringify(event), 'latin1') // é → 0xE9: not UTF-8
    const timestamp = String(NOW_SECONDS)
    const headers = {
      'webhook-id': event.id,
      'webhook-timestamp': timestamp,
      'webhook-signature': `v1,${sign(SECRETS[0], event.id, timestamp, body)}`,
      'content-type': 'application/json',
    }
    const answer = await inProcess(webhooks, { method: 'POST', lines: Object.entries(headers), body, faults: [] })
    expect({
      status: answer.status,
      reason: answer.body && (JSON.parse(answer.body) as { error: { reason: string } }).error.reason,
    }).toEqual({ status: 400, reason: 'invalid_json' })
    expect(handled.map((e) => (e.data as { name?: string }).name)).toEqual([])
  })

  describe.each([
    [
      'node:http',
      (webhooks: () => Webhooks) => (req: IncomingMessage, res: ServerResponse) => nodeWebhooks(webhooks())(req, res),
    ],
    [
      'Express 5',
      (webhooks: () => Webhooks) => express().all('/webhooks', (req, res) => expressWebhooks(webhooks())(req, res)),
    ],
    [
      'Express 4',
      (webhooks: () => Webhooks) => express4().all('/webhooks', (req, res) => expressWebhooks(webhooks())(req, res)),
    ],
  ] as const)('over a real port (%s)', (door, app) => {
    let receiverOnPort: Listening | undefined
    afterAll(() => receiverOnPort?.close())

    it('answers a generated sample the same way as in process', async () => {
      let current: Webhooks | undefined
      receiverOnPort = await listen(app(() => current!) as Parameters<typeof listen>[0])
      const send = overPort(`${receiverOnPort.url}/webhooks`)
      const tally = new Tally()
      for (const steps of fc.sample(sequence, { seed: SEED + door.length, numRuns: 80 })) {
        await runSequence(
          steps,
          (webhooks, request) => {
            current = webhooks
            return send(webhooks, request)
          },
          tally,
        )
      }
      for (const [k, v] of tally.byOutcome) figures.ports.byOutcome.set(k, (figures.ports.byOutcome.get(k) ?? 0) + v)
      figures.ports.requests += tally.requests
      figures.ports.faulty += tally.faulty
      figures.ports.faultsInjected += tally.faultsInjected
      figures.ports.disagreements.addAll(tally.disagreements, `${door}: `)
      expect(tally.requests).toBeGreaterThan(250)
      expect(tally.disagreements.report()).toBe('')
    })
  })
})
