import { append, type Child, h, uid } from './dom.js'
import { onSubmit } from './forms.js'

/** An open modal dialog. */
export interface Modal {
  dialog: HTMLDialogElement
  close(): void
}

/**
 * Opens a modal `<dialog>` (focus moves into it, Escape closes it) titled by its heading. Closing removes it
 * from the page — a secret shown in it is gone — and gives focus back to what had it.
 *
 * @example
 * ```ts
 * openModal('Reveal secret', (close) => [h('p', null, secret), h('button', { onclick: close }, 'Done')])
 * ```
 */
export function openModal(title: string, build: (close: () => void) => Child, onClose?: () => void): Modal {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
  const titleId = uid('dialog-title')
  const dialog = h('dialog', { class: 'modal', 'aria-labelledby': titleId })
  const close = () => dialog.close()
  dialog.append(h('h2', { id: titleId }, title))
  dialog.addEventListener('close', () => {
    dialog.remove()
    if (opener?.isConnected) opener.focus()
    onClose?.()
  })
  append(dialog, [build(close)])
  document.body.append(dialog)
  dialog.showModal()
  return { dialog, close }
}

/** What {@link confirmAction} asks. */
export interface ConfirmOptions {
  title: string
  message: Child
  confirmLabel: string
  /** Destructive actions get a red button. */
  danger?: boolean
  /** Extra fields (e.g. an overlap choice), read from the form data by `run`. */
  fields?: Child
  /** Runs on confirm; the dialog closes when it resolves and shows the error when it rejects. */
  run(data: FormData): Promise<void>
  /** Runs once the dialog is gone (e.g. to show the secret an action returned). */
  onClosed?(): void
}

/**
 * Asks before doing something: Cancel or the confirm button; errors of the action show in the dialog.
 *
 * @example
 * ```ts
 * confirmAction({
 *   title: 'Revoke API key?',
 *   message: '…',
 *   confirmLabel: 'Revoke',
 *   danger: true,
 *   run: () => op.apiKeys.revoke(id).then(refresh),
 * })
 * ```
 */
export function confirmAction(options: ConfirmOptions): Modal {
  return openModal(
    options.title,
    (close) => {
      const form = h(
        'form',
        { class: 'stack' },
        h('div', { class: 'dialog-message' }, options.message),
        options.fields,
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', onclick: close }, 'Cancel'),
          h('button', { type: 'submit', class: options.danger ? 'danger' : 'primary' }, options.confirmLabel),
        ),
      )
      onSubmit(form, async (data) => {
        await options.run(data)
        close()
      })
      return form
    },
    options.onClosed,
  )
}

/**
 * Shows a secret with a copy button and a note (for API keys: that it will not be shown again). Closing the dialog
 * removes the secret from the page.
 *
 * @example
 * ```ts
 * showSecret({ title: 'API key generated', label: 'API key', secret: key.secret, note: 'Copy it now: …' })
 * ```
 */
export function showSecret(options: {
  title: string
  label: string
  secret: string
  note: string
  onClose?: () => void
}): Modal {
  return openModal(
    options.title,
    (close) => {
      const input = h('input', {
        type: 'text',
        readonly: true,
        value: options.secret,
        class: 'secret',
        spellcheck: 'false',
        autocomplete: 'off',
        id: uid('secret'),
      })
      const status = h('span', { class: 'copy-status', role: 'status' })
      return [
        h('p', { class: 'warning' }, options.note),
        h(
          'div',
          { class: 'field' },
          h('label', { for: input.id }, options.label),
          h('div', { class: 'inline' }, input, copyButton(input, status)),
        ),
        status,
        h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: close }, 'Done')),
      ]
    },
    options.onClose,
  )
}

/**
 * A "Copy" button for a read-only input; says in `status` whether it worked.
 *
 * @example
 * ```ts
 * copyButton(input, status)
 * ```
 */
export function copyButton(input: HTMLInputElement, status: HTMLElement): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      onclick: async () => {
        input.select()
        try {
          await navigator.clipboard.writeText(input.value)
          status.textContent = 'Copied to the clipboard.'
        } catch {
          status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.'
        }
      },
    },
    'Copy',
  )
}
