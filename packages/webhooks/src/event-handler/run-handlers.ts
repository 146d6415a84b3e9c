import { HandlerTimeoutError } from '../errors/handler-timeout-error.js'

type Handler = (event: never) => unknown

function withTimeout(run: Promise<unknown>, eventType: string, timeoutMs: number | undefined): Promise<unknown> {
  if (timeoutMs === undefined) return run
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new HandlerTimeoutError(eventType, timeoutMs)), timeoutMs)
  })
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Runs every handler of one event at once and waits for all of them; resolves with the failures (thrown,
 * rejected or timed out), empty when all succeeded.
 */
export async function runHandlers(
  handlers: readonly Handler[],
  event: { type: string },
  timeoutMs: number | undefined,
): Promise<unknown[]> {
  const settled = await Promise.allSettled(
    handlers.map((handler) =>
      withTimeout(new Promise((resolve) => resolve(handler(event as never))), event.type, timeoutMs),
    ),
  )
  return settled.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []))
}
