import type { UnknownWebhookEvent } from '@octopuspro/contract'
import { createSampleEvent } from '@octopuspro/contract/samples'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type HandlerTimeoutError,
  isHandlerTimeoutError,
  isWebhookHandlerError,
  type WebhookError,
  WebhookEventHandler,
  WebhookHandlerError,
} from '../../src/index.js'
import { deferred } from '../helpers.js'

const approved = createSampleEvent('payment.approved')
const created = createSampleEvent('booking.created')
const unknownEvent: UnknownWebhookEvent = { ...approved, type: 'payment.disputed', data: {}, unknown: true }

afterEach(() => {
  vi.restoreAllMocks()
})

describe('WebhookEventHandler', () => {
  it('runs the handlers of the type, of its category and of every event', async () => {
    const handler = new WebhookEventHandler()
    const calls: string[] = []
    handler.on('payment.approved', (event) => void calls.push(`type ${event.id}`))
    handler.on('payment.*', (event) => void calls.push(`category ${event.type}`))
    handler.on('booking.*', () => void calls.push('other category'))
    handler.on('payment.rejected', () => void calls.push('other type'))
    handler.onAny((event) => void calls.push(`any ${event.type}`))
    await handler.receive(approved)
    expect(calls).toEqual([`type ${approved.id}`, 'category payment.approved', 'any payment.approved'])
  })

  it('subscribes a handler to a list of names', async () => {
    const handler = new WebhookEventHandler()
    const seen: string[] = []
    handler.on(['payment.approved', 'booking.created'], (event) => void seen.push(event.type))
    await handler.receive(approved)
    await handler.receive(created)
    await handler.receive(createSampleEvent('booking.deleted'))
    expect(seen).toEqual(['payment.approved', 'booking.created'])
  })

  it('delivers events of unknown types to onAny only', async () => {
    const handler = new WebhookEventHandler()
    const onAny = vi.fn()
    const onCategory = vi.fn()
    handler.onAny(onAny).on('payment.*', onCategory)
    await handler.receive(unknownEvent)
    expect(onAny).toHaveBeenCalledExactlyOnceWith(unknownEvent)
    expect(onCategory).not.toHaveBeenCalled()
  })

  it('removes handlers with off', async () => {
    const handler = new WebhookEventHandler()
    const onType = vi.fn()
    const onList = vi.fn()
    const onAny = vi.fn()
    const onError = vi.fn()
    const failing = () => {
      throw new Error('boom')
    }
    handler
      .on('payment.approved', onType)
      .on(['payment.approved', 'payment.*'], onList)
      .onAny(onAny)
      .onError(onError)
      .on('booking.created', failing)
    handler
      .off('payment.approved', onType)
      .off(['payment.approved', 'payment.*'], onList)
      .off('*', onAny)
      .off('error', onError)
    await handler.receive(approved)
    expect([onType, onList, onAny].map((fn) => fn.mock.calls.length)).toEqual([0, 0, 0])
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await expect(handler.receive(created)).rejects.toBeInstanceOf(WebhookHandlerError)
    expect(onError).not.toHaveBeenCalled()
    expect(consoleError).toHaveBeenCalledOnce()
  })

  it('runs the handlers of one event concurrently', async () => {
    const handler = new WebhookEventHandler()
    const first = deferred()
    const started: string[] = []
    handler.on('payment.approved', async () => {
      started.push('first')
      await first.promise
    })
    handler.on('payment.*', () => {
      started.push('second')
      first.resolve()
    })
    // The second handler releases the first: this only finishes if both run at once.
    await handler.receive(approved)
    expect(started).toEqual(['first', 'second'])
  })

  it('gathers failures into a WebhookHandlerError, reports it to onError and rejects with it', async () => {
    const handler = new WebhookEventHandler()
    const errors: WebhookError[] = []
    const thrown = new Error('sync failure')
    const rejected = new Error('async failure')
    const succeeded = vi.fn()
    handler.on('payment.approved', () => {
      throw thrown
    })
    handler.on('payment.*', async () => Promise.reject(rejected))
    handler.onAny(succeeded)
    handler.onError((error) => void errors.push(error))
    const error = await handler.receive(approved).then(
      () => undefined,
      (e: unknown) => e as WebhookHandlerError,
    )
    expect(error).toBeInstanceOf(AggregateError)
    expect(isWebhookHandlerError(error)).toBe(true)
    expect(error).toMatchObject({
      code: 'handler_failed',
      event: approved,
      handlerCount: 3,
      errors: [thrown, rejected],
    })
    expect(error?.message).toBe(
      `2 of 3 handlers of payment.approved (${approved.id}) failed; see \`errors\` for each failure. With dedupe, ` +
        'the event is released so the next retry runs it again.',
    )
    expect(succeeded).toHaveBeenCalledOnce()
    expect(errors).toEqual([error])
  })

  it('fails a handler that outlives handlerTimeoutMs', async () => {
    const handler = new WebhookEventHandler({ handlerTimeoutMs: 5 })
    handler.on('payment.approved', () => new Promise(() => undefined))
    handler.onError(() => undefined)
    const error = (await handler.receive(approved).catch((e: unknown) => e)) as WebhookHandlerError
    expect(error.errors).toHaveLength(1)
    const [timeout] = error.errors as [HandlerTimeoutError]
    expect(isHandlerTimeoutError(timeout)).toBe(true)
    expect(timeout).toMatchObject({ code: 'handler_timeout', timeoutMs: 5 })
    expect(timeout.message).toContain('a handler of payment.approved did not finish within 5 ms')
  })

  it('writes failures to console.error when there is no onError handler, and survives a failing onError', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const handler = new WebhookEventHandler()
    handler.on('payment.approved', () => {
      throw new Error('boom')
    })
    const error = await handler.receive(approved).catch((e: unknown) => e)
    expect(consoleError).toHaveBeenCalledExactlyOnceWith(error)

    const onErrorFailure = new Error('reporter down')
    handler.onError(() => {
      throw onErrorFailure
    })
    await handler.receive(approved).catch(() => undefined)
    await Promise.resolve()
    expect(consoleError).toHaveBeenLastCalledWith('an onError handler of @octopuspro/webhooks failed', onErrorFailure)
  })

  it('refuses names that are not events, pointing at onAny and onError', () => {
    const handler = new WebhookEventHandler()
    expect(() => handler.on('payment.aproved' as never, () => undefined)).toThrow(
      "'payment.aproved' is not an OctopusPro event name: expected an event type such as 'payment.approved' or a " +
        "category such as 'payment.*'",
    )
    expect(() => handler.on('*' as never, () => undefined)).toThrow('use onAny() for every event')
    expect(() => handler.on('error' as never, () => undefined)).toThrow('use onError() for errors')
    expect(() => handler.on(['payment.approved', 'shipment.*' as never], () => undefined)).toThrow(
      "'shipment.*' is not",
    )
  })

  it('refuses a handlerTimeoutMs that is not a positive number', () => {
    expect(() => new WebhookEventHandler({ handlerTimeoutMs: 0 })).toThrow(
      'handlerTimeoutMs must be a positive number of milliseconds, got 0',
    )
  })
})
