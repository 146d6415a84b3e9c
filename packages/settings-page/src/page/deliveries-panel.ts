import { type DeliveryAttempt, DeliveryStatus, type WebhookDelivery, type WebhookEndpoint } from '@octopuspro/contract'
import { emptyState, load, type PageContext, panelFrame } from './context.js'
import { h, replaceChildren } from './dom.js'
import { errorMessage } from './errors.js'
import { field } from './fields.js'
import { badge, humanize, time } from './format.js'
import { keyedRows } from './keyed-rows.js'
import { dataTable } from './table.js'

/** How often the open log asks for new deliveries. */
const pollMs = 1_000
/** The log shows the newest deliveries, up to this many. */
const shown = 100

const statusTone = { pending: 'warn', succeeded: 'good', failed: 'bad' } as const

/**
 * The delivery log of one endpoint: event type, status, every attempt (status code or error, duration,
 * response excerpt), next attempt, and Redeliver. It polls while the tab is visible, so deliveries appear and
 * change without a reload; rows that did not change are left alone (focus stays on a button you are on).
 *
 * @example
 * ```ts
 * const deliveries = deliveriesPanel(ctx); deliveries.setEndpoints(endpoints); deliveries.select(id)
 * ```
 */
export function deliveriesPanel(ctx: PageContext) {
  const endpointSelect = h('select', { name: 'endpoint', onchange: () => select(endpointSelect.value, false) })
  const statusSelect = h(
    'select',
    { name: 'status', onchange: () => void poll() },
    h('option', { value: '' }, 'All'),
    DeliveryStatus.options.map((status) => h('option', { value: status }, humanize(status))),
  )
  const live = h('p', { class: 'live note' })
  const frame = panelFrame({
    id: 'deliveries',
    title: 'Deliveries',
    intro:
      'Every event sent to an endpoint, with each attempt. Failed attempts are retried on a schedule; Redeliver ' +
      'sends one again now.',
    toolbar: h(
      'div',
      { class: 'filters' },
      field({ label: 'Endpoint', param: 'endpoint', control: endpointSelect }),
      field({ label: 'Status', param: 'status', control: statusSelect }),
    ),
  })
  const table = dataTable('Deliveries', ['Event', 'Status', 'Attempts', 'Next attempt', 'Actions'])
  const rows = keyedRows<WebhookDelivery>(table.body, {
    key: (delivery) => delivery.id,
    version: (delivery) => `${delivery.updated_at}|${delivery.status}|${delivery.attempts.length}`,
    render: (delivery) => table.row(cells(delivery), { 'data-id': delivery.id }),
  })
  const log = h('div', { class: 'table-wrap' }, table.element)
  const empty = emptyState('No deliveries yet.', 'They appear here as events happen. Send test event sends one now.')
  const noEndpoints = emptyState('No webhook endpoints yet.', 'Add a webhook above to see its deliveries here.')

  let endpoints: readonly WebhookEndpoint[] = []
  let endpointId = ''
  let timer: ReturnType<typeof setInterval> | undefined
  let inFlight = false
  let pollAgain = false

  function setEndpoints(list: readonly WebhookEndpoint[]): void {
    endpoints = list
    replaceChildren(
      endpointSelect,
      list.map((endpoint) => h('option', { value: endpoint.id }, endpoint.name)),
    )
    if (!list.some((endpoint) => endpoint.id === endpointId)) endpointId = list[0]?.id ?? ''
    endpointSelect.value = endpointId
    endpointSelect.disabled = statusSelect.disabled = list.length === 0
    restart()
  }

  /** Shows one endpoint's log; `focus` moves the reader to the panel (after a row's "Deliveries" button). */
  function select(id: string, focus: boolean): void {
    endpointId = id
    endpointSelect.value = id
    restart()
    if (focus) {
      frame.heading.focus()
      frame.element.scrollIntoView({ block: 'start' })
    }
  }

  function restart(): void {
    rows.clear()
    if (endpointId === '') {
      replaceChildren(frame.content, noEndpoints)
      return
    }
    void poll()
    timer ??= setInterval(() => {
      if (document.visibilityState === 'visible') void poll()
    }, pollMs)
  }

  async function poll(): Promise<void> {
    if (endpointId === '' || !frame.element.isConnected) return
    if (inFlight) {
      // Asked again meanwhile (another endpoint or filter): run once more when this one is done.
      pollAgain = true
      return
    }
    inFlight = true
    const id = endpointId
    const status = statusSelect.value === '' ? undefined : DeliveryStatus.parse(statusSelect.value)
    try {
      await load(ctx, frame.alert, async () => {
        const all = await ctx.op.webhooks
          .listDeliveries(id, { limit: 100, ...(status && { status }) })
          .toArray({ limit: 10_000 })
        if (id !== endpointId) return
        const newest = all.slice(-shown).reverse()
        rows.sync(newest)
        // Swapped only when it changes: re-inserting the log would take focus off its buttons every second.
        const view = newest.length === 0 ? empty : log
        if (view.parentNode !== frame.content) replaceChildren(frame.content, live, view)
        const name = endpoints.find((endpoint) => endpoint.id === id)?.name ?? id
        live.textContent =
          `${all.length} ${all.length === 1 ? 'delivery' : 'deliveries'} to ` +
          `“${name}”${all.length > shown ? `, the newest ${shown} shown` : ''} · live, checked every second`
      })
    } finally {
      inFlight = false
      if (pollAgain) {
        pollAgain = false
        void poll()
      }
    }
  }

  function cells(delivery: WebhookDelivery) {
    return [
      [h('code', null, delivery.event_type), h('span', { class: 'event-description' }, delivery.event_id)],
      badge(humanize(delivery.status), statusTone[delivery.status]),
      delivery.attempts.length === 0 ? 'None yet' : h('ol', { class: 'attempts' }, delivery.attempts.map(attempt)),
      delivery.next_attempt_at ? time(delivery.next_attempt_at) : '—',
      h(
        'button',
        {
          type: 'button',
          'aria-label': `Redeliver ${delivery.event_type} (${delivery.id})`,
          onclick: (event: Event) => redeliver(delivery, event.currentTarget as HTMLButtonElement),
        },
        'Redeliver',
      ),
    ]
  }

  async function redeliver(delivery: WebhookDelivery, button: HTMLButtonElement): Promise<void> {
    button.disabled = true
    try {
      await ctx.op.webhookDeliveries.redeliver(delivery.id)
      ctx.announce(`Redelivery of ${delivery.event_type} queued.`)
      await poll()
    } catch (error) {
      ctx.announce(`Could not redeliver: ${errorMessage(error)}`)
    } finally {
      button.disabled = false
    }
  }

  function stop(): void {
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
  }

  return { element: frame.element, setEndpoints, select, stop }
}

function attempt(entry: DeliveryAttempt): HTMLLIElement {
  const outcome = entry.status_code === null ? (entry.error ?? 'No answer') : `HTTP ${entry.status_code}`
  const ok = entry.status_code !== null && entry.status_code >= 200 && entry.status_code < 300
  return h(
    'li',
    { class: ok ? 'attempt ok' : 'attempt failed' },
    h('span', { class: 'attempt-outcome' }, outcome),
    ` · ${Math.round(entry.duration_ms)} ms · `,
    time(entry.at),
    entry.error && entry.error !== outcome && h('span', { class: 'event-description' }, entry.error),
    entry.response_body_excerpt &&
      h('details', null, h('summary', null, 'Response'), h('pre', { class: 'excerpt' }, entry.response_body_excerpt)),
  )
}
