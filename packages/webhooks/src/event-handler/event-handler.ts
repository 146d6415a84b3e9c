import { eventTypes, isEventType, type UnknownWebhookEvent, type WebhookEvent } from '@octopuspro/contract'
import { EventEmitter } from 'eventemitter3'
import { WebhookHandlerError } from '../errors/webhook-handler-error.js'
import { runHandlers } from './run-handlers.js'
import type { WebhookAnyHandler, WebhookError, WebhookErrorHandler, WebhookEventName, WebhookHandler } from './types.js'

const ANY = '*'
const ERROR = 'error'
const wildcards = new Set(eventTypes.map((type) => `${type.slice(0, type.indexOf('.'))}.*`))

/** Options of {@link WebhookEventHandler}. @example `new WebhookEventHandler({ handlerTimeoutMs: 10_000 })` */
export interface WebhookEventHandlerOptions {
  /** Fail a handler that has not settled after this many milliseconds (it keeps running). Default: no limit. */
  handlerTimeoutMs?: number
}

type Listener = (event: never) => unknown
type EmitterListener = (...args: unknown[]) => unknown

function checkName(name: string): void {
  if (isEventType(name) || wildcards.has(name)) return
  const hint =
    name === ANY
      ? 'use onAny() for every event'
      : name === ERROR
        ? 'use onError() for errors'
        : `expected an event type such as 'payment.approved' or a category such as 'payment.*'`
  throw new TypeError(`'${name}' is not an OctopusPro event name: ${hint}`)
}

function namesOf(name: string | readonly string[]): readonly string[] {
  const names = typeof name === 'string' ? [name] : name
  names.forEach(checkName)
  return names
}

/**
 * The dispatch layer, with no HTTP and no secret: typed handlers per event type, per category (`'payment.*'`)
 * and for every event, run concurrently for each event, their failures gathered into one
 * {@link WebhookHandlerError}. `Webhooks` extends it; use it alone to replay events, for example ones listed
 * from `GET /v1/events` after an outage.
 *
 * @example
 * ```ts
 * const handler = new WebhookEventHandler()
 * handler.on('payment.approved', async (event) => markPaid(event.data.invoice_id))
 * for (const event of missedEvents) await handler.receive(event)
 * ```
 */
export class WebhookEventHandler {
  readonly #emitter = new EventEmitter()
  readonly #handlerTimeoutMs: number | undefined

  constructor(options: WebhookEventHandlerOptions = {}) {
    const { handlerTimeoutMs } = options
    if (handlerTimeoutMs !== undefined && !(Number.isFinite(handlerTimeoutMs) && handlerTimeoutMs > 0)) {
      throw new TypeError(`handlerTimeoutMs must be a positive number of milliseconds, got ${handlerTimeoutMs}`)
    }
    this.#handlerTimeoutMs = handlerTimeoutMs
  }

  /**
   * Adds a handler of one event type, a category (`'payment.*'`) or a list of them; `event` is narrowed to the
   * matching type(s). A wrong name is a compile error (and a `TypeError` at run time).
   *
   * @example
   * ```ts
   * webhooks.on('payment.approved', (event) => console.log(event.data.amount))
   * webhooks.on('booking.*', (event) => syncBooking(event.data))
   * webhooks.on(['customer.created', 'customer.updated'], (event) => upsert(event.data))
   * ```
   */
  on<N extends WebhookEventName>(name: N | readonly N[], handler: WebhookHandler<N>): this {
    for (const n of namesOf(name)) this.#emitter.on(n, handler)
    return this
  }

  /**
   * Adds a handler of every event, including events of types this version does not know (they have
   * `unknown: true`).
   *
   * @example
   * ```ts
   * webhooks.onAny((event) => log.info('webhook', event.type, event.id))
   * ```
   */
  onAny(handler: WebhookAnyHandler): this {
    this.#emitter.on(ANY, handler)
    return this
  }

  /**
   * Adds a handler of failures: a {@link WebhookHandlerError} when handlers of an event failed, a
   * `DedupeStoreError` when the dedupe store did. Without any, failures are written to `console.error`.
   *
   * @example
   * ```ts
   * webhooks.onError((error) => Sentry.captureException(error))
   * ```
   */
  onError(handler: WebhookErrorHandler): this {
    this.#emitter.on(ERROR, handler)
    return this
  }

  /**
   * Removes a handler added with `on` (same name and function), `onAny` (name `'*'`) or `onError` (name
   * `'error'`).
   *
   * @example
   * ```ts
   * webhooks.off('payment.approved', onApproved)
   * webhooks.off('*', logEvent)
   * ```
   */
  off<N extends WebhookEventName>(name: N | readonly N[], handler: WebhookHandler<N>): this
  off(name: '*', handler: WebhookAnyHandler): this
  off(name: 'error', handler: WebhookErrorHandler): this
  off(name: string | readonly string[], handler: Listener): this {
    const names = name === ANY || name === ERROR ? [name] : namesOf(name)
    for (const n of names) this.#emitter.off(n, handler as EmitterListener)
    return this
  }

  /**
   * Runs every handler of `event` (its type's, its category's and `onAny`'s) concurrently and resolves when all
   * succeeded; otherwise reports a {@link WebhookHandlerError} to `onError` and rejects with it. No verification:
   * use it for events you already trust.
   *
   * @example
   * ```ts
   * await webhooks.receive(createTestEvent('payment.approved'))
   * ```
   */
  async receive(event: WebhookEvent | UnknownWebhookEvent): Promise<void> {
    const handlers = this.#handlersOf(event.type)
    if (handlers.length === 0) return
    const errors = await runHandlers(handlers, event, this.#handlerTimeoutMs)
    if (errors.length === 0) return
    const error = new WebhookHandlerError(event, errors, handlers.length)
    this.reportError(error)
    throw error
  }

  /**
   * Passes a failure to the `onError` handlers (or `console.error` when there are none).
   *
   * @internal
   */
  reportError(error: WebhookError): void {
    const handlers = this.#emitter.listeners(ERROR) as WebhookErrorHandler[]
    if (handlers.length === 0) {
      console.error(error)
      return
    }
    for (const handler of handlers) {
      new Promise((resolve) => resolve(handler(error))).catch((failure: unknown) => {
        console.error('an onError handler of @octopuspro/webhooks failed', failure)
      })
    }
  }

  #handlersOf(type: string): Listener[] {
    const names = isEventType(type) ? [type, `${type.slice(0, type.indexOf('.'))}.*`, ANY] : [ANY]
    return names.flatMap((name) => this.#emitter.listeners(name) as Listener[])
  }
}
