import type { IncomingMessage, ServerResponse } from 'node:http'
import type { WebhookRequest } from '../middleware/types.js'
import type { Webhooks } from '../webhooks.js'
import { headerValue } from '../verify/headers.js'
/**
 * Reads a Node request body with the limit; on `null`, the rest stays unread (the stream paused and open for the
 * answer). Plain `data`/`end` listeners: an async iterator costs a promise and listeners per chunk, which showed
 * as 7 % of a receiver's CPU.
 */
export function readNodeBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array | null> {
  if (req.readableEnded) return Promise.resolve(new Uint8Array())
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    let size = 0
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError)
    }
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      size += bytes.byteLength
      if (size <= maxBytes) return void parts.push(bytes)
      stop()
      req.pause()
      resolve(null)
    }
    const onEnd = () => {
      stop()
      resolve(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size))
    }
    const onError = (error: Error) => {
      stop()
      reject(error)
    }
    req.on('data', onData).on('end', onEnd).on('error', onError)
  })
}

/** Runs the generic middleware for a Node request and writes its answer. */
export async function respondToNode(
  webhooks: Webhooks,
  req: IncomingMessage,
  res: ServerResponse,
  readBody: WebhookRequest['readBody'],
): Promise<void> {
  const response = await webhooks.respond({
    method: req.method ?? '',
    header: (name) => headerValue(req.headers[name]),
    readBody,
  })
  // After a 413 the rest of the body is still on the wire: close the connection rather than drain it.
  if (response.status === 413) res.shouldKeepAlive = false
  res.writeHead(response.status, response.headers).end(response.body ?? undefined)
}
