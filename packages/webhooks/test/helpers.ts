import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { signWebhook } from '@octopuspro/contract'

/** The Standard Webhooks test secret (from the spec's examples). */
export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
/** A second secret, for rotations. */
export const OTHER_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD'
/** A frozen "now": 2026-11-27T09:00:00Z. */
export const NOW_SECONDS = 1_795_770_000
export const now = () => NOW_SECONDS * 1000

/** A signed delivery of `body`: its headers (with content-type) and the body. */
export async function signed(
  body: string,
  {
    secret = SECRET,
    id = 'evt_1',
    timestamp = NOW_SECONDS,
  }: { secret?: string | string[]; id?: string; timestamp?: number } = {},
): Promise<{ headers: Record<string, string>; body: string }> {
  const headers = await signWebhook({ secret, id, timestamp, body })
  return { headers: { ...headers, 'content-type': 'application/json' }, body }
}

/** Listens on a free loopback port; resolves with the base URL and a closer. */
export async function listen(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/** A promise with its resolve function, to hold a handler until a test lets it finish. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
