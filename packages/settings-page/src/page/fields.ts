import { type Child, h, uid } from './dom.js'

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

/** What {@link field} needs: the visible label, the API parameter it edits, and its control. */
export interface FieldOptions {
  label: string
  /** The API parameter this field edits (`name`, `credentials.api_key`): errors whose `param` names it show here. */
  param: string
  control: Control
  hint?: Child
}

/**
 * A labelled form field with a hint and an error slot, both tied to the control by `aria-describedby`.
 * Checkboxes get their label after the box.
 *
 * @example
 * ```ts
 * field({ label: 'Webhook Name', param: 'name', control: h('input', { name: 'name', required: true }) })
 * ```
 */
export function field({ label, param, control, hint }: FieldOptions): HTMLDivElement {
  control.id ||= uid(param.replace(/\W/g, '-'))
  const hintId = hint === undefined ? undefined : uid('hint')
  const error = errorSlot()
  control.setAttribute('aria-describedby', [hintId, error.id].filter(Boolean).join(' '))
  const labelElement = h('label', { for: control.id }, label)
  const isCheckbox = control instanceof HTMLInputElement && control.type === 'checkbox'
  return h(
    'div',
    { class: isCheckbox ? 'field field-checkbox' : 'field', 'data-param': param },
    isCheckbox ? [control, labelElement] : [labelElement, control],
    hintId !== undefined && h('p', { class: 'hint', id: hintId }, hint),
    error,
  )
}

/**
 * The empty, hidden error paragraph of a field or fieldset; {@link showError} fills it.
 *
 * @example
 * ```ts
 * h('fieldset', { 'data-param': 'event_types' }, h('legend', null, 'Event Types'), errorSlot())
 * ```
 */
export function errorSlot(): HTMLParagraphElement {
  return h('p', { class: 'field-error', id: uid('error'), 'data-error': true, hidden: true })
}
