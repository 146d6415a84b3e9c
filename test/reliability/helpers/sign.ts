import { createHmac } from 'node:crypto'

/**
 * Standard Webhooks signing written here from the spec (HMAC-SHA256 over `${id}.${timestamp}.${body}`, keyed with
 * the base64 part of `whsec_…`), on purpose independent of the packages under test.
 *
 * @example
 * ```ts
 * const signature = `v1,${sign(secret, 'evt_1', 1764237600, body)}`
 * ```
 */
export function sign(secret: string, id: string, timestamp: number | string, body: Uint8Array | string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64')
}

/**
 * A fraction in [0, 1) fixed by its inputs: fault decisions that do not depend on timing or arrival order.
 *
 * @example
 * ```ts
 * if (fraction('500', eventId, attempt) < 0.3) answer500()
 * ```
 */
export function fraction(...parts: (string | number)[]): number {
  const digest = createHmac('sha256', 'reliability').update(parts.join('\u0000')).digest()
  return digest.readUInt32BE(0) / 2 ** 32
}
