import { streamChunks } from '@octopuspro/contract/io'

/**
 * One webhook POST, ready to send: signed headers and the exact body bytes.
 *
 * @example `transport.send({ url, headers, body })`
 */
export interface DeliveryRequest {
  url: string
  headers: Record<string, string>
  body: Uint8Array
}

/**
 * A request on its way: its answer, and how to abort it (on timeout, or when the engine closes).
 *
 * @example `const { response, abort } = transport.send(request)`
 */
export interface PendingDelivery {
  /** Rejects when no answer came (refused, reset, aborted). */
  response: Promise<DeliveryResponse>
  /** Aborts the request, or the reading of its answer. */
  abort(): void
}

/** As much of the receiver's answer as an attempt reads. @example `(await pending.response).status` */
export interface DeliveryResponse {
  status: number
  /** The `location` header: named in the error when a redirect is not followed. */
  location: string | null
  /** The body in chunks; the attempt stops reading after 1 KiB. */
  body: AsyncIterable<Uint8Array> | null
}

/**
 * Sends webhook POSTs without following redirects.
 *
 * @example
 * ```ts
 * const pending = transport.send({ url, headers, body })
 * setTimeout(pending.abort, 15_000)
 * ;(await pending.response).status // 200
 * ```
 */
export interface DeliveryTransport {
  send(request: DeliveryRequest): PendingDelivery
  /** Lets go of idle connections; the engine calls it when it closes. */
  close?(): void
}

/**
 * A transport over a `fetch` function (`redirect: 'manual'`), for a custom or mocked fetch.
 *
 * @example
 * ```ts
 * new DeliveryEngine({ ...options, fetch: myFetch }) // uses fetchTransport(myFetch)
 * ```
 */
export function fetchTransport(fetchFn: typeof fetch): DeliveryTransport {
  return {
    send({ url, headers, body }) {
      const controller = new AbortController()
      const response = fetchFn(url, {
        method: 'POST',
        headers,
        body: body as BufferSource,
        signal: controller.signal,
        redirect: 'manual',
      }).then((answer) => ({
        status: answer.status,
        location: answer.headers.get('location'),
        body: answer.body && streamChunks(answer.body),
      }))
      return { response, abort: () => controller.abort() }
    },
  }
}
