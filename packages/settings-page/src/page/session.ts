const storageKey = 'octopuspro.settings.apiKey'

/**
 * The API key the user pasted, kept in `sessionStorage` only: it lives as long as this tab, is never put in a
 * URL, and is never logged.
 *
 * @example
 * ```ts
 * const key = session.load()
 * ```
 */
export const session = {
  load(): string | null {
    return sessionStorage.getItem(storageKey)
  },
  save(apiKey: string): void {
    sessionStorage.setItem(storageKey, apiKey)
  },
  forget(): void {
    sessionStorage.removeItem(storageKey)
  },
}
