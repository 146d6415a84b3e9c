import { type Integration, type IntegrationId, integrationCatalog, type Plan, type Routes } from '@octopuspro/contract'
import { APIError } from '../api-error.js'
import type { Call } from '../call.js'
import { parseInput } from '../http/validate.js'
import { arraySource, paginate } from '../store/paginate.js'
import type { Handler } from './types.js'

const planRank: Readonly<Record<Plan, number>> = { starter: 0, growth: 1, unlimited: 2 }
const integrationIds = (Object.keys(integrationCatalog) as IntegrationId[]).sort()

/** The integration as the API shows it: settings and the names of the stored credentials, never their values. */
function present(call: Call, id: IntegrationId): Integration {
  const entry = integrationCatalog[id]
  const record = call.state.integrations.get(id)
  return {
    id,
    object: 'integration',
    name: entry.name,
    category: entry.category,
    status: record ? 'connected' : 'disconnected',
    required_plan: entry.requiredPlan,
    connected_at: record?.connectedAt ?? null,
    settings: record?.settings ?? {},
    credentials_set: Object.keys(record?.credentials ?? {}),
  }
}

const list: Handler<Routes['integrations']['list']> = ({ query, call }) =>
  paginate(arraySource(integrationIds.map((id) => present(call, id))), query, () => true)

const get: Handler<Routes['integrations']['get']> = ({ id, call }) => present(call, id)

/** Connects (or re-keys) an integration; `google_maps` needs the unlimited plan. Settings left out are kept. */
const connect: Handler<Routes['integrations']['connect']> = ({ id, body, call }) => {
  const entry = integrationCatalog[id]
  const plan = call.state.account.plan
  if (entry.requiredPlan && planRank[plan] < planRank[entry.requiredPlan]) {
    throw new APIError(
      'plan_required',
      `${entry.name} needs the ${entry.requiredPlan} plan; this account is on the ${plan} plan — upgrade to connect it`,
    )
  }
  const credentials = parseInput(entry.credentials, body.credentials, 'credentials')
  const existing = call.state.integrations.get(id)
  const settings =
    body.settings === undefined ? (existing?.settings ?? {}) : parseInput(entry.settings, body.settings, 'settings')
  call.state.integrations.set(id, { connectedAt: existing?.connectedAt ?? call.now, settings, credentials })
  return present(call, id)
}

/** Disconnects and forgets the credentials; disconnecting a disconnected integration changes nothing. */
const disconnect: Handler<Routes['integrations']['disconnect']> = ({ id, call }) => {
  call.state.integrations.delete(id)
  return present(call, id)
}

export const integrationHandlers = { list, get, connect, disconnect }
