import type * as NodeCrypto from 'node:crypto'
import { concatBytes } from '../bytes.js'

/**
 * node:crypto where the runtime has it (Node, Bun, Deno: its synchronous HMAC and ed25519 cost a fraction of an
 * awaited Web Crypto call), `undefined` elsewhere (Workers, browsers), where the signing code uses Web Crypto.
 * `process.getBuiltinModule` loads it without an import that a bundler for Workers or browsers would choke on.
 *
 * @example
 * ```ts
 * if (nodeCrypto) nodeCrypto.createHmac('sha256', key)
 * ```
 */
export const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as typeof NodeCrypto | undefined

/** A value now (node:crypto) or later (Web Crypto). @example `const mac: MaybePromise<string> = key.sign(message)` */
export type MaybePromise<T> = T | Promise<T>

/**
 * What a signature covers, `${id}.${timestamp}.${body}`: as text, or as a text head followed by the body's raw
 * bytes (so a body received or sent as bytes is never decoded and re-encoded).
 *
 * @example
 * ```ts
 * const message: SignedMessage = ['evt_1.1764237600.', new TextEncoder().encode('{}')]
 * ```
 */
export type SignedMessage = string | readonly [head: string, body: Uint8Array]

const encoder = new TextEncoder()

/**
 * The bytes of a signed message.
 *
 * @example
 * ```ts
 * messageBytes(['a.1.', new Uint8Array([123, 125])]) // the bytes of 'a.1.{}'
 * ```
 */
export function messageBytes(message: SignedMessage): Uint8Array {
  if (typeof message === 'string') return encoder.encode(message)
  return concatBytes([encoder.encode(message[0]), message[1]])
}
