import { h } from './dom.js'

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

/**
 * A timestamp as a `<time>` element in the reader's locale, or a dash for none.
 *
 * @example
 * ```ts
 * h('td', null, time(key.last_used_at, 'Never'))
 * ```
 */
export function time(iso: string | null | undefined, none = '—'): Node {
  if (!iso) return document.createTextNode(none)
  return h('time', { datetime: iso }, dateTimeFormat.format(new Date(iso)))
}

/**
 * A wire name made readable: `api_login_id` → "API login ID", `PAYMENT` → "Payment".
 *
 * @example
 * ```ts
 * humanize('read_only') // 'Read only'
 * ```
 */
export function humanize(name: string): string {
  const words = name
    .toLowerCase()
    .split(/[_\s.]+/)
    .filter(Boolean)
  const text = words.map((word) => (acronyms.has(word) ? word.toUpperCase() : word)).join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const acronyms = new Set(['api', 'id', 'url', 'fcm', 'sms'])

/**
 * A small labelled badge; `tone` picks its colour.
 *
 * @example
 * ```ts
 * badge('Active', 'good')
 * ```
 */
export function badge(text: string, tone: 'good' | 'bad' | 'warn' | 'neutral' = 'neutral'): HTMLSpanElement {
  return h('span', { class: `badge badge-${tone}` }, text)
}
