import type { WebhookEndpoint } from '@octopuspro/contract'
import type { PageContext } from './context.js'
import { openModal } from './dialogs.js'
import { h } from './dom.js'
import { eventTypePicker } from './event-type-picker.js'
import { field } from './fields.js'
import { onSubmit, textValue } from './forms.js'

/**
 * The "Add Webhook" / edit dialog: Webhook Name, Webhook URL, an optional description, the event types,
 * "Active (webhook will receive events)", on by default, and, when adding, the signing scheme (HMAC with a shared
 * `whsec_` secret, or ed25519 whose receivers verify with a `whpk_` public key; a rotation switches it later).
 * Resolves `saved` with the stored endpoint.
 *
 * @example
 * ```ts
 * openWebhookForm(ctx, undefined, (endpoint) => refresh())
 * ```
 */
export function openWebhookForm(
  ctx: PageContext,
  endpoint: WebhookEndpoint | undefined,
  saved: (endpoint: WebhookEndpoint) => void,
): void {
  const title = endpoint ? `Edit webhook “${endpoint.name}”` : 'Add Webhook'
  openModal(title, (close) => {
    const picker = eventTypePicker(endpoint?.event_types ?? [])
    const form = h(
      'form',
      { class: 'stack webhook-form' },
      field({
        label: 'Webhook Name',
        param: 'name',
        control: h('input', {
          name: 'name',
          required: true,
          autocomplete: 'off',
          value: endpoint?.name ?? '',
          placeholder: 'Order Notifications',
        }),
      }),
      field({
        label: 'Webhook URL',
        param: 'url',
        control: h('input', {
          name: 'url',
          type: 'url',
          required: true,
          autocomplete: 'off',
          inputmode: 'url',
          value: endpoint?.url ?? '',
          placeholder: 'https://your-domain.com/webhook',
        }),
        hint: 'Where each event is POSTed, signed with the endpoint’s secret (Standard Webhooks).',
      }),
      field({
        label: 'Description (optional)',
        param: 'description',
        control: h('input', { name: 'description', autocomplete: 'off', value: endpoint?.description ?? '' }),
      }),
      picker.element,
      endpoint
        ? undefined
        : field({
            label: 'Signing',
            param: 'signing',
            control: h(
              'select',
              { name: 'signing' },
              h('option', { value: 'hmac_sha256' }, 'HMAC-SHA256: a shared secret (whsec_…)'),
              h('option', { value: 'ed25519' }, 'Ed25519: receivers verify with a public key (whpk_…)'),
            ),
            hint: 'Both are Standard Webhooks signatures; Ed25519 keeps the private key on the server.',
          }),
      field({
        label: 'Active (webhook will receive events)',
        param: 'active',
        control: h('input', { type: 'checkbox', name: 'active', checked: endpoint?.active ?? true }),
        hint: endpoint?.disabled_reason
          ? `Disabled by the server (${endpoint.disabled_reason}); turn it on to re-enable.`
          : undefined,
      }),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', onclick: close }, 'Cancel'),
        h('button', { type: 'submit', class: 'primary' }, endpoint ? 'Save Webhook' : 'Add Webhook'),
      ),
    )
    onSubmit(form, async (data) => {
      const body = {
        name: textValue(data, 'name') ?? '',
        url: textValue(data, 'url') ?? '',
        event_types: picker.value(),
        active: data.get('active') === 'on',
      }
      const description = textValue(data, 'description')
      const result = endpoint
        ? await ctx.op.webhooks.update(endpoint.id, { ...body, description: description ?? null })
        : await ctx.op.webhooks.create({
            ...body,
            signing: data.get('signing') === 'ed25519' ? 'ed25519' : 'hmac_sha256',
            ...(description === undefined ? {} : { description }),
          })
      close()
      ctx.announce(endpoint ? `Webhook “${result.name}” saved.` : `Webhook “${result.name}” added.`)
      saved(result)
    })
    return form
  })
}
