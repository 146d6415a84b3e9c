import { h } from './dom.js'
import { field } from './fields.js'

const choices = [
  [0, 'No overlap: the old one stops at once'],
  [3_600, '1 hour'],
  [86_400, '24 hours'],
  [604_800, '7 days'],
] as const

/**
 * The "keep the old secret working for …" choice of a roll or rotation (`expires_in_seconds`).
 *
 * @example
 * ```ts
 * overlapField('Keep signing with the old secret for', 86_400)
 * ```
 */
export function overlapField(label: string, defaultSeconds: (typeof choices)[number][0]): HTMLDivElement {
  const select = h(
    'select',
    { name: 'expires_in_seconds' },
    choices.map(([seconds, text]) => h('option', { value: seconds, selected: seconds === defaultSeconds }, text)),
  )
  return field({ label, param: 'expires_in_seconds', control: select })
}
