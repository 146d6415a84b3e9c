import { eventCatalog, getEventCatalogEntry, type WebhookEndpoint } from '@octopuspro/contract'
import { eventCategories } from './catalog.js'
import { emptyState, load, type PageContext, type Panel, panelFrame } from './context.js'
import { confirmAction, openModal, showSecret } from './dialogs.js'
import { h, replaceChildren } from './dom.js'
import { errorMessage } from './errors.js'
import { field } from './fields.js'
import { badge, humanize, time } from './format.js'
import { onSubmit } from './forms.js'
import { overlapField } from './overlap-field.js'
import { dataTable } from './table.js'
import { openWebhookForm } from './webhook-form.js'

/** What the webhooks panel tells the deliveries panel. */
export interface WebhooksPanelEvents {
  /** The endpoints were (re)loaded. */
  loaded(endpoints: readonly WebhookEndpoint[]): void
  /** Show this endpoint's deliveries; `focus` takes the reader there. */
  showDeliveries(endpointId: string, focus: boolean): void
}

/**
 * Webhook Management: the endpoints table, Add Webhook / edit, reveal and rotate the signing secret, send a test
 * event, delete — each destructive step confirmed.
 *
 * @example
 * ```ts
 * const webhooks = webhooksPanel(ctx, { loaded: deliveries.setEndpoints, showDeliveries: deliveries.select })
 * ```
 */
export function webhooksPanel(ctx: PageContext, events: WebhooksPanelEvents): Panel {
  const frame = panelFrame({
    id: 'webhooks',
    title: 'Webhook Management',
    intro:
      'OctopusPro POSTs a signed event to each active endpoint whenever something it subscribes to happens, and ' +
      'retries failed deliveries.',
    toolbar: h(
      'button',
      { type: 'button', class: 'primary', onclick: () => openWebhookForm(ctx, undefined, saved) },
      'Add Webhook',
    ),
  })

  async function refresh(): Promise<void> {
    await load(ctx, frame.alert, async () => {
      const endpoints = await ctx.op.webhooks.list({ limit: 100 }).toArray({ limit: 1_000 })
      render(endpoints)
      events.loaded(endpoints)
    })
  }

  function saved(endpoint: WebhookEndpoint): void {
    void refresh().then(() => events.showDeliveries(endpoint.id, false))
  }

  function render(endpoints: readonly WebhookEndpoint[]): void {
    if (endpoints.length === 0) {
      replaceChildren(
        frame.content,
        emptyState('No webhook endpoints yet.', 'Add one to have events sent to your server as they happen.'),
      )
      return
    }
    const table = dataTable('Webhook endpoints', ['Name', 'URL', 'Event types', 'Status', 'Created', 'Actions'])
    for (const endpoint of endpoints) table.body.append(table.row(cells(endpoint), { 'data-id': endpoint.id }))
    replaceChildren(frame.content, h('div', { class: 'table-wrap' }, table.element))
  }

  function cells(endpoint: WebhookEndpoint) {
    const label = (action: string) => `${action} for webhook ${endpoint.name}`
    return [
      h(
        'span',
        { class: 'name' },
        endpoint.name,
        endpoint.description && h('span', { class: 'event-description' }, endpoint.description),
      ),
      h('code', { class: 'url' }, endpoint.url),
      endpoint.event_types.includes('*') ? `All (${eventCatalog.length}+)` : String(endpoint.event_types.length),
      status(endpoint),
      time(endpoint.created_at),
      h(
        'div',
        { class: 'row-actions' },
        h(
          'button',
          {
            type: 'button',
            'aria-label': label('Deliveries'),
            onclick: () => events.showDeliveries(endpoint.id, true),
          },
          'Deliveries',
        ),
        h(
          'button',
          {
            type: 'button',
            'aria-label': `Edit webhook ${endpoint.name}`,
            onclick: () => openWebhookForm(ctx, endpoint, saved),
          },
          'Edit',
        ),
        h(
          'button',
          { type: 'button', 'aria-label': label('Reveal secret'), onclick: () => reveal(endpoint) },
          'Reveal secret',
        ),
        h(
          'button',
          { type: 'button', 'aria-label': label('Rotate secret'), onclick: () => rotate(endpoint) },
          'Rotate secret',
        ),
        h(
          'button',
          { type: 'button', 'aria-label': label('Send test event'), onclick: () => sendTest(endpoint) },
          'Send test event',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'danger',
            'aria-label': `Delete webhook ${endpoint.name}`,
            onclick: () => remove(endpoint),
          },
          'Delete',
        ),
      ),
    ]
  }

  async function reveal(endpoint: WebhookEndpoint): Promise<void> {
    try {
      const answer = await ctx.op.webhooks.getSecret(endpoint.id)
      const key = verificationKey(answer)
      const previous = answer.previous_secret_expires_at
        ? ` The previous key also signs until ` +
          `${new Date(answer.previous_secret_expires_at).toLocaleString()}; receivers may accept both meanwhile.`
        : ''
      showSecret({
        title: `${key.label} of “${endpoint.name}”`,
        label: key.label,
        secret: key.value,
        note: `Your receiver verifies the webhook-signature header with it.${key.note}${previous}`,
      })
    } catch (error) {
      ctx.announce(`Could not get the secret: ${errorMessage(error)}`)
    }
  }

  function rotate(endpoint: WebhookEndpoint): void {
    let key: VerificationKey | undefined
    confirmAction({
      title: 'Rotate signing secret?',
      message:
        `A new key signs every delivery to “${endpoint.name}” from now on. During the overlap each ` +
        `delivery carries both signatures, so you can update your receiver without losing events.`,
      fields: overlapField('Keep signing with the old key for', 86_400),
      confirmLabel: 'Rotate secret',
      async run(data) {
        const rotated = await ctx.op.webhooks.rotateSecret(endpoint.id, {
          expires_in_seconds: Number(data.get('expires_in_seconds')),
        })
        key = verificationKey(rotated)
        ctx.announce(`Secret of “${endpoint.name}” rotated.`)
      },
      onClosed() {
        if (key)
          showSecret({
            title: `New ${key.label.toLowerCase()} of “${endpoint.name}”`,
            label: key.label,
            secret: key.value,
            note: 'Configure your receiver with it. Reveal secret shows it again later.',
          })
      },
    })
  }

  function sendTest(endpoint: WebhookEndpoint): void {
    openModal(`Send a test event to “${endpoint.name}”`, (close) => {
      const select = h(
        'select',
        { name: 'event_type' },
        eventCategories().map(([category, entries]) =>
          h(
            'optgroup',
            { label: humanize(category) },
            entries.map((entry) => h('option', { value: entry.type }, `${entry.name} (${entry.type})`)),
          ),
        ),
      )
      const form = h(
        'form',
        { class: 'stack' },
        h(
          'p',
          null,
          'A sample event of this type, marked "test": true, is sent to this endpoint now, whatever it subscribes to.',
        ),
        field({ label: 'Event type', param: 'event_type', control: select }),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', onclick: close }, 'Cancel'),
          h('button', { type: 'submit', class: 'primary' }, 'Send test event'),
        ),
      )
      onSubmit(form, async (data) => {
        const eventType = getEventCatalogEntry(String(data.get('event_type')))?.type
        if (eventType === undefined) throw new Error('Choose an event type.')
        await ctx.op.webhooks.sendTest(endpoint.id, { event_type: eventType })
        close()
        ctx.announce(`Test event ${eventType} sent to “${endpoint.name}”.`)
        events.showDeliveries(endpoint.id, true)
      })
      return form
    })
  }

  function remove(endpoint: WebhookEndpoint): void {
    confirmAction({
      title: 'Delete webhook?',
      message:
        `“${endpoint.name}” (${endpoint.url}) stops receiving events at once, and its pending retries are ` +
        `dropped. This cannot be undone.`,
      confirmLabel: 'Delete webhook',
      danger: true,
      async run() {
        await ctx.op.webhooks.delete(endpoint.id)
        ctx.announce(`Webhook “${endpoint.name}” deleted.`)
        await refresh()
      },
    })
  }

  return { element: frame.element, refresh }
}

function status(endpoint: WebhookEndpoint): Node {
  if (endpoint.active) return badge('Active', 'good')
  if (endpoint.disabled_reason) return badge(`Disabled: ${endpoint.disabled_reason}`, 'bad')
  return badge('Inactive', 'neutral')
}

/** What a receiver verifies an endpoint's deliveries with, as the page shows it. */
interface VerificationKey {
  label: 'Signing secret' | 'Public key'
  value: string
  note: string
}

/**
 * The `whsec_` secret of an HMAC endpoint, or the `whpk_` public key of an ed25519 one (it has no shared secret).
 *
 * @example
 * ```ts
 * const { label, value } = verificationKey(await op.webhooks.getSecret(id))
 * ```
 */
function verificationKey(answer: { secret: string | null; public_key?: string | null }): VerificationKey {
  if (answer.secret !== null) return { label: 'Signing secret', value: answer.secret, note: ' Keep it private.' }
  return {
    label: 'Public key',
    value: answer.public_key ?? '',
    note: ' It is public: the private key that signs stays on the server.',
  }
}
