import { EventEnvelope, eventSchemas, isEventType } from '@octopuspro/contract'
import type { WebhookResponseReason } from '@octopuspro/webhooks'
import { sign } from '../helpers/sign.js'

/** What a receiver must answer to one request, by the spec (wire contract §4, the webhooks README), not by its code. */
export type Verdict =
  | { status: 204; eventId: string; type: string; unknown: boolean }
  | { status: 200; duplicateOf: string }
  | { status: 400 | 401 | 405 | 413 | 415; reason: WebhookResponseReason; header?: string }

/** A request as the model sees it: the platform's own `Headers` decide how repeated lines combine. */
export interface ModelRequest {
  method: string
  headers: Headers
  body: Uint8Array
}

/** The receiver configuration the model mirrors. */
export interface ModelSettings {
  secrets: readonly string[]
  toleranceSeconds: number
  nowSeconds: number
  maxBodyBytes: number
}

/** JSON media types: application/json and any application/<x>+json, parameters allowed, case-insensitive. */
const JSON_MEDIA_TYPE = /^application\/([a-z0-9!#$&^_.-]+\+)?json\s*(;.*)?$/i
const STANDARD_HEADERS = [
  ['webhook-id', 'svix-id'],
  ['webhook-timestamp', 'svix-timestamp'],
  ['webhook-signature', 'svix-signature'],
] as const

function refuse(status: 400 | 401 | 405 | 413 | 415, reason: WebhookResponseReason, header?: string): Verdict {
  return header === undefined ? { status, reason } : { status, reason, header }
}

/**
 * A reference model of a Standard Webhooks receiver with dedupe, written from the spec: method, media type,
 * size, the three headers (or their svix- twins), timestamp format and window, any `v1` entry of the
 * space-separated signature list matching any secret, a body that is UTF-8 JSON (RFC 8259; a leading BOM may be
 * ignored) and an event the contract accepts; then once per `webhook-id`.
 *
 * @example
 * ```ts
 * const model = new ReceiverModel({ secrets: [secret], toleranceSeconds: 300, nowSeconds, maxBodyBytes: 8192 })
 * model.judge({ method: 'POST', headers: new Headers(lines), body }) // { status: 401, reason: 'timestamp_too_old' }
 * ```
 */
export class ReceiverModel {
  readonly #handled = new Set<string>()

  constructor(readonly settings: ModelSettings) {}

  judge({ method, headers, body }: ModelRequest): Verdict {
    const { settings } = this
    if (method !== 'POST') return refuse(405, 'method_not_allowed')
    const contentType = headers.get('content-type')
    if (contentType !== null && !JSON_MEDIA_TYPE.test(contentType)) return refuse(415, 'unsupported_media_type')
    if (body.byteLength > settings.maxBodyBytes) return refuse(413, 'payload_too_large')
    const [id, timestamp, signatures] = STANDARD_HEADERS.map(
      ([name, svix]) => headers.get(name) || headers.get(svix) || '',
    )
    for (const [index, value] of [id, timestamp, signatures].entries()) {
      if (!value) return refuse(401, 'missing_header', STANDARD_HEADERS[index]?.[0])
    }
    if (!/^\d{1,15}$/.test(timestamp!)) return refuse(401, 'invalid_timestamp')
    const skew = settings.nowSeconds - Number(timestamp)
    if (skew > settings.toleranceSeconds) return refuse(401, 'timestamp_too_old')
    if (-skew > settings.toleranceSeconds) return refuse(401, 'timestamp_too_new')
    const valid = new Set(settings.secrets.map((secret) => `v1,${sign(secret, id!, timestamp!, body)}`))
    if (!signatures!.split(' ').some((entry) => valid.has(entry))) return refuse(401, 'no_matching_signature')
    let json: unknown
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body))
    } catch {
      return refuse(400, 'invalid_json')
    }
    const type = (json as { type?: unknown } | null)?.type
    const known = typeof type === 'string' && isEventType(type)
    const schema = known ? eventSchemas[type] : EventEnvelope
    if (!schema.safeParse(json).success) return refuse(400, 'invalid_payload')
    if (this.#handled.has(id!)) return { status: 200, duplicateOf: id! }
    this.#handled.add(id!)
    return { status: 204, eventId: (json as { id: string }).id, type: type as string, unknown: !known }
  }
}
