import { clearErrors, showError } from './errors.js'

/**
 * Runs an async action when a form is submitted: the submit button is disabled meanwhile, earlier errors are
 * cleared, and a failure is shown next to the field the API names (see `showError`). The API validates; the
 * browser's own validation is off so that the messages users see are the API's.
 *
 * @example
 * ```ts
 * onSubmit(form, async (data) => { await op.apiKeys.create({ name: String(data.get('name')) }) })
 * ```
 */
export function onSubmit(form: HTMLFormElement, action: (data: FormData) => Promise<void>): void {
  form.noValidate = true
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const buttons = form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')
    for (const button of buttons) button.disabled = true
    clearErrors(form)
    action(new FormData(form))
      .catch((error: unknown) => showError(form, error))
      .finally(() => {
        for (const button of buttons) button.disabled = false
      })
  })
}

/**
 * A text value of a form, trimmed; `undefined` when empty so optional parameters are left out.
 *
 * @example
 * ```ts
 * const description = textValue(data, 'description')
 * ```
 */
export function textValue(data: FormData, name: string): string | undefined {
  const value = data.get(name)
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}
