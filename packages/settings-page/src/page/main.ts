/**
 * The settings page "API & Webhooks Integrations": API keys, webhook endpoints, their deliveries and the
 * built-in integrations of the account, through the public API with `@octopuspro/client` and the key the user
 * pastes.
 */
import { OctopusPro } from '@octopuspro/client'
import type { Account } from '@octopuspro/contract'
import { apiKeysPanel } from './api-keys-panel.js'
import type { PageContext } from './context.js'
import { deliveriesPanel } from './deliveries-panel.js'
import { h, replaceChildren } from './dom.js'
import { errorMessage } from './errors.js'
import { field } from './fields.js'
import { humanize } from './format.js'
import { onSubmit, textValue } from './forms.js'
import { integrationsPanel } from './integrations-panel.js'
import { session } from './session.js'
import { webhooksPanel } from './webhooks-panel.js'
import './styles.css'

const status = h('p', { class: 'status-line', role: 'status' })
const accountBar = h('div', { class: 'account-bar' })
const main = h('main', { id: 'main', tabindex: '-1' })
let stopLive: (() => void) | undefined

function announce(message: string): void {
  status.textContent = message
}

async function connect(apiKey: string): Promise<void> {
  const op = new OctopusPro({ apiKey, baseUrl: new URL('/v1', location.origin).href })
  const account = await op.account.get()
  session.save(apiKey)
  showSettings(op, account, apiKey)
}

function showConnect(problem?: string): void {
  stopLive?.()
  replaceChildren(accountBar)
  const input = h('input', {
    type: 'password',
    name: 'api_key',
    required: true,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'opk_…',
  })
  const form = h(
    'form',
    { class: 'stack connect-form' },
    problem && h('p', { class: 'form-error', role: 'alert' }, problem),
    field({
      label: 'API key',
      param: 'api_key',
      control: input,
      hint:
        'Paste a read-write key of this account (the reference server prints one when it starts). It stays in ' +
        'this browser tab only and is sent to this server’s API, nowhere else.',
    }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Connect')),
  )
  onSubmit(form, (data) => connect(textValue(data, 'api_key') ?? ''))
  replaceChildren(
    main,
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'connect-heading' },
      h('h2', { id: 'connect-heading' }, 'Connect to your account'),
      form,
    ),
  )
  input.focus()
}

function showSettings(op: OctopusPro, account: Account, apiKey: string): void {
  stopLive?.()
  const ctx: PageContext = {
    op,
    account,
    ownKey: { prefix: apiKey.slice(0, 8), last4: apiKey.slice(-4) },
    announce,
    authLost(error) {
      session.forget()
      showConnect(`The API key stopped working: ${errorMessage(error)} Paste another key.`)
    },
  }
  const keys = apiKeysPanel(ctx)
  const deliveries = deliveriesPanel(ctx)
  const webhooks = webhooksPanel(ctx, { loaded: deliveries.setEndpoints, showDeliveries: deliveries.select })
  const integrations = integrationsPanel(ctx)
  stopLive = deliveries.stop

  replaceChildren(
    accountBar,
    h(
      'p',
      null,
      h('strong', null, account.name),
      ` · ${humanize(account.plan)} plan · key `,
      h('code', null, `${ctx.ownKey.prefix}…${ctx.ownKey.last4}`),
    ),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          session.forget()
          announce('API key forgotten.')
          showConnect()
        },
      },
      'Forget API key',
    ),
  )
  replaceChildren(
    main,
    h(
      'nav',
      { class: 'sections', 'aria-label': 'Sections' },
      h('a', { href: '#api-keys' }, 'API keys'),
      h('a', { href: '#webhooks' }, 'Webhooks'),
      h('a', { href: '#deliveries' }, 'Deliveries'),
      h('a', { href: '#integrations' }, 'Integrations'),
    ),
    keys.element,
    webhooks.element,
    deliveries.element,
    integrations.element,
  )
  void Promise.all([keys.refresh(), webhooks.refresh(), integrations.refresh()])
}

replaceChildren(
  document.body,
  h('a', { class: 'skip-link', href: '#main' }, 'Skip to content'),
  h(
    'header',
    { class: 'page-header' },
    h('div', null, h('p', { class: 'breadcrumb' }, 'Settings'), h('h1', null, 'API & Webhooks Integrations')),
    accountBar,
  ),
  status,
  main,
)

const saved = session.load()
if (saved === null) showConnect()
else
  connect(saved).catch((error: unknown) => {
    session.forget()
    showConnect(`The saved API key did not work: ${errorMessage(error)}`)
  })
