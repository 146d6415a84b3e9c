/** Where a command writes: text lines for people, or one JSON object per line with `--json`. */
export interface Output {
  readonly json: boolean
  /** Writes `text`, or `record` as one JSON line when `--json` is on. */
  emit(text: string, record: unknown): void
  /** Writes a text line, in text mode only (headings and hints that JSON readers do not need). */
  note(text: string): void
}

/**
 * The output of one command on stdout.
 *
 * @example
 * ```ts
 * const out = createOutput(values.json === true)
 * out.emit(`created ${customer.id}`, customer)
 * ```
 */
export function createOutput(json: boolean, write = (line: string) => process.stdout.write(`${line}\n`)): Output {
  return {
    json,
    emit: (text, record) => write(json ? JSON.stringify(record) : text),
    note: (text) => {
      if (!json) write(text)
    },
  }
}
