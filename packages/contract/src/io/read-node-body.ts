import { concatBytes } from '../bytes.js'

/**
 * The part of a Node readable stream (such as `http.IncomingMessage`) that {@link readNodeBody} uses, written out
 * so the contract stays free of Node imports.
 *
 * @example
 * ```ts
 * const stream: NodeReadableLike = req // an http.IncomingMessage
 * ```
 */
export interface NodeReadableLike {
  readonly readableEnded: boolean
  // biome-ignore lint/suspicious/noExplicitAny: Node's emitters type listeners as (...args: any[]) => void.
  on(event: string, listener: (...args: any[]) => void): unknown
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  off(event: string, listener: (...args: any[]) => void): unknown
  pause(): unknown
}

const encoder = new TextEncoder()

/**
 * Reads a Node request body with a size limit, using plain `data`/`end` listeners (an async iterator costs a
 * promise and listeners per chunk). Resolves with `null` as soon as more than `maxBytes` arrived, leaving the rest
 * unread and the stream paused, so the caller can answer 413. The reference server and the webhook receiver both
 * read bodies with it.
 *
 * @example
 * ```ts
 * const body = await readNodeBody(req, 1024 * 1024)
 * if (body === null) return res.writeHead(413).end()
 * ```
 */
export function readNodeBody(stream: NodeReadableLike, maxBytes: number): Promise<Uint8Array | null> {
  if (stream.readableEnded) return Promise.resolve(new Uint8Array())
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = []
    let size = 0
    const stop = () => {
      stream.off('data', onData)
      stream.off('end', onEnd)
      stream.off('error', onError)
    }
    const onData = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk
      size += bytes.byteLength
      if (size <= maxBytes) return void parts.push(bytes)
      stop()
      stream.pause()
      resolve(null)
    }
    const onEnd = () => {
      stop()
      resolve(parts.length === 0 ? new Uint8Array() : concatBytes(parts))
    }
    const onError = (error: Error) => {
      stop()
      reject(error)
    }
    stream.on('data', onData)
    stream.on('end', onEnd)
    stream.on('error', onError)
  })
}
