/** The fields of a log line besides its level, time and message. */
export type LogFields = Record<string, unknown>

/** Structured logging: one JSON object per line, the shape log pipelines (and pino) use. */
export interface Logger {
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

/** A logger writing JSON lines to `write` (stdout by default). Swap in pino or winston in a real service. */
export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const log =
    (level: string) =>
    (msg: string, fields: LogFields = {}) =>
      write(`${JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields })}\n`)
  return { info: log('info'), warn: log('warn'), error: log('error') }
}
