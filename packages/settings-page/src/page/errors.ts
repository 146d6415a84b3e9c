import { isAPIError } from '@octopuspro/client'
import { h } from './dom.js'

/**
 * The message to show for a failed call: the API's own `message` (it says how to fix the problem), else the
 * error's message.
 *
 * @example
 * ```ts
 * errorMessage(error) // "url must be an http(s) URL such as https://your-domain.com/webhook"
 * ```
 */
export function errorMessage(error: unknown): string {
  if (isAPIError(error)) {
    // The client prefixes the API's message with "<status> <code>: "; the page shows the API's own words.
    const prefix = `${error.status} ${error.code}: `
    return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message
  }
  if (error instanceof Error) return error.message
  return String(error)
}

/**
 * Whether the API refused the pasted key itself (missing, unknown, revoked or expired).
 *
 * @example
 * ```ts
 * if (isAuthError(error)) session.forget()
 * ```
 */
export function isAuthError(error: unknown): boolean {
  return isAPIError(error) && error.status === 401
}

/** `credentials.api_key` → [`credentials.api_key`, `credentials`]; `event_types[3]` → [`event_types`]. */
function paramCandidates(param: string): string[] {
  const parts = param.split(/[.[\]]+/).filter(Boolean)
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'))
}

/**
 * Shows a failed call in a form: next to the field named by the error's `param` (marking it invalid and moving
 * focus to it), or at the top of the form when no field matches.
 *
 * @example
 * ```ts
 * try { await op.webhooks.create(body) } catch (error) { showError(form, error) }
 * ```
 */
export function showError(form: HTMLElement, error: unknown): void {
  clearErrors(form)
  const param = isAPIError(error) ? error.param : undefined
  const target = param === undefined ? null : findField(form, param)
  const slot = target?.querySelector<HTMLElement>('[data-error]')
  if (target && slot) {
    slot.textContent = errorMessage(error)
    slot.hidden = false
    const controls = target.querySelectorAll<HTMLElement>('input, select, textarea')
    for (const control of controls) control.setAttribute('aria-invalid', 'true')
    controls[0]?.focus()
    return
  }
  let alert = form.querySelector<HTMLElement>(':scope > [data-form-error]')
  if (!alert) {
    alert = h('p', { class: 'form-error', role: 'alert', 'data-form-error': true })
    form.prepend(alert)
  }
  alert.textContent = errorMessage(error)
  alert.hidden = false
}

/**
 * Hides every error shown by {@link showError} in a form.
 *
 * @example
 * ```ts
 * clearErrors(form)
 * ```
 */
export function clearErrors(form: HTMLElement): void {
  for (const slot of form.querySelectorAll<HTMLElement>('[data-error], [data-form-error]')) {
    slot.textContent = ''
    slot.hidden = true
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid')
}

function findField(form: HTMLElement, param: string): HTMLElement | null {
  for (const candidate of paramCandidates(param)) {
    const found = form.querySelector<HTMLElement>(`[data-param="${CSS.escape(candidate)}"]`)
    if (found) return found
  }
  return null
}
