import type { OctopusPro } from '@octopuspro/client'
import type { Account } from '@octopuspro/contract'
import { type Child, h, replaceChildren } from './dom.js'
import { errorMessage, isAuthError } from './errors.js'

/** What every panel gets: the client, the account, and the page's shared reactions. */
export interface PageContext {
  op: OctopusPro
  account: Account
  /** `prefix` and `last4` of the key this page uses, to mark it in the key table (the secret itself stays out). */
  ownKey: { prefix: string; last4: string }
  /** Says something in the page's status line (read out by screen readers). */
  announce(message: string): void
  /** The key stopped working (revoked, expired): back to the key form. */
  authLost(error: unknown): void
}

/** A section of the page that can reload itself from the API. */
export interface Panel {
  element: HTMLElement
  refresh(): Promise<void>
}

/**
 * The frame of a panel: a labelled `<section>` with its heading, intro, toolbar and an alert slot for load
 * errors; `content` is where the panel renders.
 *
 * @example
 * ```ts
 * const frame = panelFrame({ id: 'api-keys', title: 'API Key Management', intro: '…', toolbar: [generateButton] })
 * ```
 */
export function panelFrame(options: { id: string; title: string; intro: Child; toolbar?: Child }) {
  const headingId = `${options.id}-heading`
  const content = h('div', { class: 'panel-content' })
  const alert = h('p', { class: 'form-error', role: 'alert', hidden: true })
  const heading = h('h2', { id: headingId, tabindex: '-1' }, options.title)
  const element = h(
    'section',
    { class: 'panel', id: options.id, 'aria-labelledby': headingId },
    h(
      'div',
      { class: 'panel-head' },
      h('div', null, heading, h('p', { class: 'intro' }, options.intro)),
      h('div', { class: 'toolbar' }, options.toolbar),
    ),
    alert,
    content,
  )
  return { element, heading, content, alert }
}

/**
 * Runs a panel's load: a 401 hands over to `authLost`; any other failure shows in the panel's alert.
 *
 * @example
 * ```ts
 * await load(ctx, frame.alert, async () => render(await ctx.op.apiKeys.list()))
 * ```
 */
export async function load(ctx: PageContext, alert: HTMLElement, task: () => Promise<void>): Promise<void> {
  try {
    await task()
    alert.hidden = true
  } catch (error) {
    if (isAuthError(error)) return ctx.authLost(error)
    replaceChildren(alert, `Could not load: ${errorMessage(error)}`)
    alert.hidden = false
  }
}

/**
 * The text shown when a table has nothing in it.
 *
 * @example
 * ```ts
 * emptyState('No API keys yet.', 'Generate one per integration, so you can revoke one without affecting the others.')
 * ```
 */
export function emptyState(title: string, detail: Child): HTMLDivElement {
  return h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, title), h('p', null, detail))
}
