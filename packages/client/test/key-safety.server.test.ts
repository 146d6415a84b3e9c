import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { LogFields, Logger, OctopusProError } from '../src/index.js'
import { clientOf, doors, openServer, useServer } from './helpers/server.js'

/** A logger that keeps every line and its fields. */
function capturingLogger() {
  const lines: Array<{ level: string; message: string; fields: LogFields }> = []
  const at = (level: string) => (message: string, fields: LogFields) => void lines.push({ level, message, fields })
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
  return { logger, lines }
}

const wrongKey = 'opk_WRONGwrongWRONGwrongWRONGwrongWRONGwron'

describe.each(doors)('the API key never leaks (%s)', (door) => {
  const ctx = useServer(door)

  it('from log lines, error messages or errors, whatever fails', async () => {
    const { logger, lines } = capturingLogger()
    const op = clientOf(ctx.server, door, { logger, timeout: 100, maxRetries: 1 })
    const stranger = clientOf(ctx.server, door, { apiKey: wrongKey, logger, maxRetries: 0 })
    const controller = new AbortController()
    ctx.server.faults.add({ match: 'GET /v1/customers/cus_slow', latencyMs: 400 })
    ctx.server.faults.add({ match: 'GET /v1/customers/cus_broken', status: 500 })
    ctx.server.faults.add({ match: 'GET /v1/customers/cus_abort', latencyMs: 400 })

    const outcomes = await Promise.allSettled([
      op.customers.create({ name: 'Ada' }),
      op.customers.get('cus_missing'),
      op.customers.get('cus_slow'),
      op.customers.get('cus_broken'),
      op.customers.create({ name: 'Ada', nmae: 'typo' } as { name: string }),
      stranger.account.get(),
      (() => {
        const call = op.customers.get('cus_abort', { signal: controller.signal })
        setTimeout(() => controller.abort(), 20)
        return call
      })(),
    ])
    const errors = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as OctopusProError] : [],
    )
    expect(errors.map((error) => error.code).sort()).toEqual([
      'aborted',
      'api_key_invalid',
      'injected_fault',
      'resource_missing',
      'timeout',
      'unknown_parameter',
    ])
    expect(lines.map((line) => line.level)).toEqual(expect.arrayContaining(['debug', 'info', 'warn', 'error']))

    const everything = [
      ...lines.map((line) => `${line.message} ${JSON.stringify(line.fields)}`),
      ...errors.map(
        (error) => `${error.message} ${inspect(error, { depth: 10, showHidden: true })} ${JSON.stringify(error)}`,
      ),
      inspect(op, { depth: 10, showHidden: true }),
      JSON.stringify(op),
      String(op),
    ].join('\n')
    for (const secret of [ctx.server.apiKey, wrongKey, ctx.server.apiKey.slice(4, 24), wrongKey.slice(4, 24)]) {
      expect(everything).not.toContain(secret)
    }
  })
})

describe('the API key never leaks when the server is unreachable', () => {
  it('from the connection error and its log line', async () => {
    const server = await openServer('real port')
    const { logger, lines } = capturingLogger()
    const op = clientOf(server, 'real port', { logger, maxRetries: 0 })
    await server.close()
    const error = (await op.account.get().catch((e: unknown) => e)) as OctopusProError
    expect(error.code).toBe('connection_error')
    const everything = `${inspect(error, { depth: 10, showHidden: true })}\n${JSON.stringify(lines)}`
    expect(everything).not.toContain(server.apiKey)
    expect(lines.at(-1)?.level).toBe('error')
  })
})
