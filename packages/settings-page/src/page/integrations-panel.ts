import { type Integration, type IntegrationConnectOf, integrationCatalog, Plan } from '@octopuspro/contract'
import { load, type PageContext, type Panel, panelFrame } from './context.js'
import { confirmAction } from './dialogs.js'
import { h, replaceChildren } from './dom.js'
import { field } from './fields.js'
import { badge, humanize, time } from './format.js'
import { onSubmit, textValue } from './forms.js'
import { type SchemaField, schemaFields } from './schema-fields.js'

/**
 * Integrations: the built-in integrations with connect forms whose fields come from the contract's
 * credential and settings schemas. Credentials are write-only — typed into password fields, sent once, cleared,
 * never shown; the card only names which are stored. Integrations that need a higher plan say so.
 *
 * @example
 * ```ts
 * const integrations = integrationsPanel(ctx); main.append(integrations.element); await integrations.refresh()
 * ```
 */
export function integrationsPanel(ctx: PageContext): Panel {
  const frame = panelFrame({
    id: 'integrations',
    title: 'Integrations',
    intro:
      'Built-in integrations connect with the credentials you enter. Credentials are write-only: once saved they ' +
      'are never shown again, only which ones are stored.',
  })

  async function refresh(): Promise<void> {
    await load(ctx, frame.alert, async () => {
      const integrations = await ctx.op.integrations.list({ limit: 100 }).toArray({ limit: 1_000 })
      replaceChildren(frame.content, h('div', { class: 'cards' }, integrations.map(card)))
    })
  }

  function card(integration: Integration): HTMLElement {
    const connected = integration.status === 'connected'
    const headingId = `integration-${integration.id}`
    const required = integration.required_plan
    const allowed = required === null || Plan.options.indexOf(ctx.account.plan) >= Plan.options.indexOf(required)
    return h(
      'article',
      { class: 'card', 'aria-labelledby': headingId, 'data-integration': integration.id },
      h('h3', { id: headingId }, integration.name),
      h(
        'p',
        { class: 'badges' },
        badge(connected ? 'Connected' : 'Not connected', connected ? 'good' : 'neutral'),
        ' ',
        badge(humanize(integration.category)),
        required && [' ', badge(`Needs the ${humanize(required)} plan`, allowed ? 'neutral' : 'warn')],
      ),
      connected &&
        h(
          'p',
          { class: 'note' },
          'Connected ',
          time(integration.connected_at),
          '. Stored credentials: ',
          integration.credentials_set.map((name, i) => [i > 0 && ', ', h('code', null, name)]),
          '.',
        ),
      !allowed &&
        h(
          'p',
          { class: 'note' },
          `Your account is on the ${humanize(ctx.account.plan)} plan; ${integration.name} needs the ` +
            `${humanize(required ?? '')} plan.`,
        ),
      allowed && connectForm(integration),
      connected &&
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'danger',
              'aria-label': `Disconnect ${integration.name}`,
              onclick: () => disconnect(integration),
            },
            'Disconnect',
          ),
        ),
    )
  }

  function connectForm(integration: Integration): HTMLElement {
    const schemas = integrationCatalog[integration.id]
    const settings = schemaFields(schemas.settings)
    const form = h(
      'form',
      { class: 'stack', autocomplete: 'off' },
      h(
        'fieldset',
        null,
        h('legend', null, 'Credentials (write-only)'),
        schemaFields(schemas.credentials).map((credential) =>
          field({
            label: humanize(credential.key),
            param: `credentials.${credential.key}`,
            control: h('input', {
              type: 'password',
              name: `credentials.${credential.key}`,
              required: !credential.optional,
              autocomplete: 'new-password',
              spellcheck: 'false',
            }),
          }),
        ),
      ),
      settings.length > 0 &&
        h(
          'fieldset',
          null,
          h('legend', null, 'Settings'),
          settings.map((setting) => settingField(setting, integration.settings[setting.key])),
        ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'submit', class: 'primary' },
          integration.status === 'connected' ? `Update ${integration.name}` : `Connect ${integration.name}`,
        ),
      ),
    )
    onSubmit(form, async (data) => {
      const credentials = Object.fromEntries(
        schemaFields(schemas.credentials).flatMap(({ key }) => {
          const value = textValue(data, `credentials.${key}`)
          return value === undefined ? [] : [[key, value]]
        }),
      )
      const chosen = Object.fromEntries(settings.flatMap((setting) => settingValue(setting, data)))
      // The fields come from this integration's own schemas; the API checks the values and names any bad one.
      const body = { credentials, settings: chosen } as IntegrationConnectOf<typeof integration.id>
      await ctx.op.integrations.connect(integration.id, body)
      // Once stored, the credentials leave the page: write-only from here on.
      form.reset()
      ctx.announce(`${integration.name} connected.`)
      await refresh()
    })
    return h(
      'details',
      { class: 'connect' },
      h('summary', null, integration.status === 'connected' ? 'Update credentials' : 'Connect'),
      form,
    )
  }

  function disconnect(integration: Integration): void {
    confirmAction({
      title: `Disconnect ${integration.name}?`,
      message: 'Its stored credentials are deleted. Connect it again with new credentials to use it.',
      confirmLabel: 'Disconnect',
      danger: true,
      async run() {
        await ctx.op.integrations.disconnect(integration.id)
        ctx.announce(`${integration.name} disconnected.`)
        await refresh()
      },
    })
  }

  return { element: frame.element, refresh }
}

function settingField(setting: SchemaField, current: unknown): HTMLElement {
  const name = `settings.${setting.key}`
  if (setting.kind === 'boolean') {
    return field({
      label: humanize(setting.key),
      param: name,
      control: h('input', { type: 'checkbox', name, checked: current === true }),
    })
  }
  const value = Array.isArray(current) ? current.join(', ') : typeof current === 'string' ? current : ''
  return field({
    label: `${humanize(setting.key)}${setting.optional ? ' (optional)' : ''}`,
    param: name,
    control: h('input', { name, value, autocomplete: 'off' }),
    hint: setting.kind === 'list' ? 'Separate several with commas.' : undefined,
  })
}

function settingValue(setting: SchemaField, data: FormData): [string, unknown][] {
  const name = `settings.${setting.key}`
  if (setting.kind === 'boolean') return [[setting.key, data.get(name) === 'on']]
  const text = textValue(data, name)
  if (text === undefined) return []
  return [
    [
      setting.key,
      setting.kind === 'list'
        ? text
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : text,
    ],
  ]
}
