import { type ApiKey, ApiKeyMode } from '@octopuspro/contract'
import { emptyState, load, type PageContext, type Panel, panelFrame } from './context.js'
import { confirmAction, openModal, showSecret } from './dialogs.js'
import { h, replaceChildren } from './dom.js'
import { field } from './fields.js'
import { badge, humanize, time } from './format.js'
import { onSubmit, textValue } from './forms.js'
import { overlapField } from './overlap-field.js'
import { dataTable } from './table.js'

const secretNote =
  'Copy this API key now and keep it somewhere safe, such as a secret manager. For your security it will not be ' +
  'shown again: if you lose it, roll or revoke the key.'

/**
 * API Key Management: the table of keys, Generate API Key (the secret shown exactly once), roll with an optional
 * overlap, and revoke — each confirmed.
 *
 * @example
 * ```ts
 * const keys = apiKeysPanel(ctx); main.append(keys.element); await keys.refresh()
 * ```
 */
export function apiKeysPanel(ctx: PageContext): Panel {
  const frame = panelFrame({
    id: 'api-keys',
    title: 'API Key Management',
    intro:
      'Your systems authenticate to the Open API with these keys. Use one key per integration, so you can roll or ' +
      'revoke it without affecting the others.',
    toolbar: h('button', { type: 'button', class: 'primary', onclick: () => generate() }, 'Generate API Key'),
  })

  async function refresh(): Promise<void> {
    await load(ctx, frame.alert, async () =>
      render(await ctx.op.apiKeys.list({ limit: 100 }).toArray({ limit: 1_000 })),
    )
  }

  function render(keys: readonly ApiKey[]): void {
    if (keys.length === 0) {
      replaceChildren(frame.content, emptyState('No API keys yet.', 'Generate one for each system that calls the API.'))
      return
    }
    const table = dataTable('API keys', ['Name', 'Key', 'Mode', 'Status', 'Created', 'Last used', 'Actions'])
    for (const key of keys) table.body.append(table.row(cells(key), { 'data-id': key.id }))
    replaceChildren(frame.content, h('div', { class: 'table-wrap' }, table.element))
  }

  function cells(key: ApiKey) {
    const own = key.prefix === ctx.ownKey.prefix && key.last4 === ctx.ownKey.last4
    const active = key.status === 'active'
    return [
      h('span', { class: 'name' }, key.name, own && h('span', { class: 'note' }, ' (used by this page)')),
      h('code', null, `${key.prefix}…${key.last4}`),
      humanize(key.mode),
      [
        badge(active ? 'Active' : 'Revoked', active ? 'good' : 'neutral'),
        key.expires_at && active && h('span', { class: 'note' }, ' expires ', time(key.expires_at)),
      ],
      time(key.created_at),
      time(key.last_used_at, 'Never'),
      !active
        ? '—'
        : h(
            'div',
            { class: 'row-actions' },
            h('button', { type: 'button', 'aria-label': `Roll API key ${key.name}`, onclick: () => roll(key) }, 'Roll'),
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                'aria-label': `Revoke API key ${key.name}`,
                onclick: () => revoke(key, own),
              },
              'Revoke',
            ),
          ),
    ]
  }

  function generate(): void {
    openModal('Generate API Key', (close) => {
      const form = h(
        'form',
        { class: 'stack' },
        field({
          label: 'API Key Name',
          param: 'name',
          control: h('input', {
            name: 'name',
            required: true,
            autocomplete: 'off',
            placeholder: 'Data Warehouse Sync',
          }),
          hint: 'Name it after the system that will use it, e.g. "Mobile App Integration".',
        }),
        h(
          'fieldset',
          { class: 'choices', 'data-param': 'mode' },
          h('legend', null, 'Access'),
          ApiKeyMode.options.map((mode) =>
            h(
              'label',
              null,
              h('input', { type: 'radio', name: 'mode', value: mode, checked: mode === 'read_write' }),
              ` ${humanize(mode)}`,
              h(
                'span',
                { class: 'note' },
                mode === 'read_only' ? ' — can read, any write is refused' : ' — can read and write',
              ),
            ),
          ),
        ),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', onclick: close }, 'Cancel'),
          h('button', { type: 'submit', class: 'primary' }, 'Generate API Key'),
        ),
      )
      onSubmit(form, async (data) => {
        const key = await ctx.op.apiKeys.create({
          name: textValue(data, 'name') ?? '',
          mode: ApiKeyMode.parse(data.get('mode')),
        })
        close()
        ctx.announce(`API key “${key.name}” generated.`)
        showSecret({ title: 'Your new API key', label: `API key “${key.name}”`, secret: key.secret, note: secretNote })
        void refresh()
      })
      return form
    })
  }

  function roll(key: ApiKey): void {
    let rolled: { name: string; secret: string } | undefined
    confirmAction({
      title: 'Roll API key?',
      message: [
        `A new secret replaces the one of “${key.name}” (`,
        h('code', null, `${key.prefix}…${key.last4}`),
        '). Update the systems that use it.',
      ],
      fields: overlapField('Keep the old secret working for', 0),
      confirmLabel: 'Roll API key',
      async run(data) {
        rolled = await ctx.op.apiKeys.roll(key.id, { expires_in_seconds: Number(data.get('expires_in_seconds')) })
        ctx.announce(`API key “${key.name}” rolled.`)
        void refresh()
      },
      onClosed() {
        if (rolled)
          showSecret({
            title: 'Your rolled API key',
            label: `API key “${rolled.name}”`,
            secret: rolled.secret,
            note: secretNote,
          })
      },
    })
  }

  function revoke(key: ApiKey, own: boolean): void {
    confirmAction({
      title: 'Revoke API key?',
      message: [
        h(
          'p',
          null,
          `Every system using “${key.name}” (`,
          h('code', null, `${key.prefix}…${key.last4}`),
          ') loses access at once. This cannot be undone.',
        ),
        own && h('p', { class: 'warning' }, 'This page itself uses this key: you will be asked for another one.'),
      ],
      confirmLabel: 'Revoke API key',
      danger: true,
      async run() {
        await ctx.op.apiKeys.revoke(key.id)
        ctx.announce(`API key “${key.name}” revoked.`)
        void refresh()
      },
    })
  }

  return { element: frame.element, refresh }
}
