/**
 * Thrown by `settingsPage` when its options cannot work; `code` says which, the message says how to fix it.
 *
 * @example
 * ```ts
 * try {
 *   settingsPage({ path: 'settings/' })
 * } catch (error) {
 *   if (error instanceof SettingsPageError && error.code === 'invalid_path') console.error(error.message)
 * }
 * ```
 */
export class SettingsPageError extends Error {
  override readonly name = 'SettingsPageError'
  readonly code: 'invalid_path'

  constructor(code: 'invalid_path', message: string) {
    super(message)
    this.code = code
  }
}
