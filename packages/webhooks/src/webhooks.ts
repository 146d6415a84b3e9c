import type { UnknownWebhookEvent, WebhookEvent } from '@octopuspro/contract'
import type { DedupeStore } from './dedupe/store.js'
import { WebhookEventHandler, type WebhookEventHandlerOptions } from './event-handler/event-handler.js'
import { positiveInteger } from './internal/positive-integer.js'
import { createResponder, type ResponderSettings, type VerifiedDelivery } from './middleware/create-responder.js'
import { handleFetchRequest } from './middleware/fetch.js'
import type { WebhookRequest, WebhookResponse } from './middleware/types.js'
import { type HeaderLookup, headerLookup, type WebhookHeaders } from './verify/headers.js'
import { decodeUtf8, parseEvent } from './verify/parse-event.js'
import { type RawBody, toRawBytes } from './verify/raw-body.js'
import { signingKeys } from './verify/signing-keys.js'
import { type SignatureSettings, verifySignature } from './verify/verify-signature.js'

/**
 * The keys a receiver verifies with: the endpoint's `secret` (`whsec_…`, HMAC `v1`), its `publicKey` (`whpk_…`,
 * ed25519 `v1a`), or both during a rotation from one kind to the other. At least one is required.
 *
 * @example
 * ```ts
 * const keys: WebhookKeys = { secret: previous.secret, publicKey: endpoint.public_key }
 * ```
 */
export type WebhookKeys =
  | {
      /**
       * The endpoint's signing secret (`whsec_…`), or several: during a rotation pass the new and the old one, and
       * a delivery signed with either verifies.
       */
      secret: string | readonly string[]
      /** The endpoint's ed25519 public key (`whpk_…`), or several. */
      publicKey?: string | readonly string[]
    }
  | { secret?: string | readonly string[]; publicKey: string | readonly string[] }

/**
 * Options of {@link Webhooks}: the {@link WebhookKeys} and how deliveries are handled.
 *
 * @example
 * ```ts
 * const options: WebhooksOptions = {
 *   secret: [process.env.WEBHOOK_SECRET!, process.env.WEBHOOK_SECRET_PREVIOUS!],
 *   tolerance: 300,
 *   dedupe: redisDedupe(redis),
 *   handlerTimeoutMs: 10_000,
 * }
 * ```
 */
export type WebhooksOptions = WebhookKeys & WebhookHandlingOptions

/**
 * How a {@link Webhooks} receiver handles deliveries.
 *
 * @example `const o: WebhookHandlingOptions = { tolerance: 60 }`
 */
export interface WebhookHandlingOptions extends WebhookEventHandlerOptions {
  /** How far `webhook-timestamp` may be from this server's clock, in seconds, past or future. Default 300. */
  tolerance?: number
  /**
   * Where handled `webhook-id`s are remembered so a redelivered event runs once: {@link memoryDedupe},
   * {@link redisDedupe} or your own {@link DedupeStore}. Default: none (every delivery runs its handlers).
   */
  dedupe?: DedupeStore
  /**
   * When the middleware answers: `'after-handlers'` (default) answers 204 once every handler succeeded and 500 if
   * one failed, so the sender retries; `'immediate'` answers 204 at once and runs the handlers after (failures go
   * to `onError` only, nothing is retried).
   */
  ack?: 'after-handlers' | 'immediate'
  /** The largest body accepted, in bytes; larger ones are refused with 413 while being read. Default 1 MiB. */
  maxBodyBytes?: number
  /** The clock, in milliseconds (default `Date.now`); tests pass a frozen one. */
  now?: () => number
}

/**
 * The OctopusPro webhook receiver: verifies Standard Webhooks signatures (HMAC `v1` with a `secret`, ed25519 `v1a`
 * with a `publicKey`), parses events with the contract's schemas, dedupes deliveries and dispatches them to typed
 * handlers. Mount it with {@link expressWebhooks}, {@link nodeWebhooks} or `webhooks.handle` (any fetch runtime).
 *
 * @example
 * ```ts
 * const webhooks = new Webhooks({ secret: process.env.OCTOPUSPRO_WEBHOOK_SECRET!, dedupe: memoryDedupe() })
 * webhooks.on('payment.approved', async (event) => {
 *   await markInvoicePaid(event.data.invoice_id, event.data.amount)
 * })
 * app.post('/webhooks/octopuspro', expressWebhooks(webhooks))
 * ```
 */
export class Webhooks extends WebhookEventHandler {
  readonly #signature: SignatureSettings
  readonly #respond: (request: WebhookRequest) => Promise<WebhookResponse>
  readonly #responderSettings: ResponderSettings

  /**
   * Handles a web `Request` and resolves with the `Response`: the door for Next.js route handlers, Hono, Bun,
   * Deno and Workers. A bound function, so it can be passed around as is.
   *
   * @example
   * ```ts
   * // app/api/webhooks/route.ts (Next.js)
   * export const POST = webhooks.handle
   * ```
   */
  readonly handle = (request: Request): Promise<Response> => handleFetchRequest(this, request)

  constructor(options: WebhooksOptions) {
    super(options)
    const { tolerance = 300, ack = 'after-handlers', maxBodyBytes = 1024 * 1024 } = options
    if (!(Number.isFinite(tolerance) && tolerance >= 0)) {
      throw new TypeError(`tolerance must be a number of seconds, 0 or more, got ${tolerance}`)
    }
    if (ack !== 'after-handlers' && ack !== 'immediate') {
      throw new TypeError(`ack must be 'after-handlers' or 'immediate', got ${String(ack)}`)
    }
    this.#signature = {
      keys: signingKeys(options.secret, options.publicKey),
      toleranceSeconds: tolerance,
      now: options.now ?? Date.now,
    }
    this.#responderSettings = {
      verify: (body, header) => this.#verify(body, header),
      receive: (event) => this.receive(event),
      reportError: (error) => this.reportError(error),
      dedupe: options.dedupe,
      ack,
      maxBodyBytes: positiveInteger('maxBodyBytes', maxBodyBytes),
    }
    this.#respond = createResponder(this.#responderSettings)
  }

  /**
   * The generic middleware with another ending: the same checks and verification, then `accept` takes each
   * verified delivery instead of dedupe and handlers. `queueWebhooks` builds its door with it.
   *
   * @internal
   */
  respondWith(
    accept: (delivery: VerifiedDelivery) => Promise<WebhookResponse>,
  ): (request: WebhookRequest) => Promise<WebhookResponse> {
    return createResponder({ ...this.#responderSettings, accept })
  }

  /**
   * Verifies a delivery and parses its event, without dedupe or handlers. Pass the raw body exactly as received
   * and the request headers. Rejects with a {@link WebhookVerificationError} saying why it is refused.
   *
   * @example
   * ```ts
   * const event = await webhooks.verify(await request.text(), request.headers)
   * if (event.type === 'payment.approved') console.log(event.data.amount)
   * ```
   */
  async verify(rawBody: RawBody, headers: WebhookHeaders): Promise<WebhookEvent | UnknownWebhookEvent> {
    return (await this.#verify(toRawBytes(rawBody), headerLookup(headers))).event
  }

  /**
   * The generic middleware every door uses: a framework-neutral request in, `{ status, headers, body }` out.
   * Build a {@link WebhookRequest} to support another framework in a few lines.
   *
   * @example
   * ```ts
   * // Fastify, with the raw body kept as a Buffer by a content-type parser
   * fastify.post('/webhooks', async (request, reply) => {
   *   const answer = await webhooks.respond({
   *     method: request.method,
   *     header: (name) => request.headers[name] as string | undefined,
   *     readBody: async () => request.body,
   *   })
   *   reply.code(answer.status).headers(answer.headers).send(answer.body ?? undefined)
   * })
   * ```
   */
  respond(request: WebhookRequest): Promise<WebhookResponse> {
    return this.#respond(request)
  }

  async #verify(body: string | Uint8Array, header: HeaderLookup): Promise<VerifiedDelivery> {
    let id = verifySignature(body, header, this.#signature)
    // Awaited only on Web Crypto: on node:crypto the HMAC is synchronous and the hot path stays short.
    if (typeof id !== 'string') id = await id
    return { id, event: parseEvent(typeof body === 'string' ? body : decodeUtf8(body)) }
  }
}
