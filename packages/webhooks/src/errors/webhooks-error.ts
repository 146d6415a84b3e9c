/**
 * The base of every error this package throws: a machine-readable `code` and a message that says how to fix the
 * problem. Catch it to handle any `@octopuspro/webhooks` error at once.
 *
 * @example
 * ```ts
 * try {
 *   await webhooks.verify(body, headers)
 * } catch (error) {
 *   if (isWebhooksError(error)) console.warn(error.code, error.message)
 * }
 * ```
 */
export class WebhooksError extends Error {
  /** What went wrong, for programs. */
  readonly code: string

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'WebhooksError'
    this.code = code
  }
}
