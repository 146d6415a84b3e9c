import * as z from 'zod/mini'
import { Text, Timestamp } from '../primitives.js'
import type { Plan } from './account.js'

const secretField = Text(500)
const sandbox = { sandbox: z.optional(z.boolean()) }

/**
 * The built-in integrations of the product, each with its category, the plan it needs (if any), and the zod
 * schemas of its write-only `credentials` and its non-secret `settings`.
 *
 * @example
 * ```ts
 * integrationCatalog.mailchimp.credentials.parse({ api_key: 'abc-us1', audience_id: 'a1b2' })
 * ```
 */
export const integrationCatalog = {
  mailchimp: {
    name: 'Mailchimp',
    category: 'marketing',
    requiredPlan: null,
    credentials: z.strictObject({ api_key: secretField, audience_id: Text(100) }),
    settings: z.strictObject({ double_opt_in: z.optional(z.boolean()), default_tags: z.optional(z.array(Text(50))) }),
  },
  google_maps: {
    name: 'Google Maps API',
    category: 'maps',
    requiredPlan: 'unlimited',
    credentials: z.strictObject({ api_key: secretField }),
    settings: z.strictObject({ region: z.optional(Text(10)) }),
  },
  google_reviews: {
    name: 'Google Reviews',
    category: 'reviews',
    requiredPlan: null,
    credentials: z.strictObject({ api_key: secretField, place_id: Text(200) }),
    settings: z.strictObject({ show_in_portal: z.optional(z.boolean()) }),
  },
  facebook: {
    name: 'Facebook App (Page & Messenger)',
    category: 'social',
    requiredPlan: null,
    credentials: z.strictObject({ app_id: Text(100), app_secret: secretField, page_access_token: secretField }),
    settings: z.strictObject({ page_id: z.optional(Text(100)) }),
  },
  fcm: {
    name: 'GCM / FCM Push Notifications',
    category: 'push',
    requiredPlan: null,
    credentials: z.strictObject({ project_id: Text(100), server_key: secretField }),
    settings: z.strictObject({}),
  },
  google_calendar: {
    name: 'Google Calendar',
    category: 'calendar',
    requiredPlan: null,
    credentials: z.strictObject({ client_id: Text(200), client_secret: secretField, refresh_token: secretField }),
    settings: z.strictObject({ calendar_id: z.optional(Text(200)) }),
  },
  authorize_net: {
    name: 'Authorize.net',
    category: 'payments',
    requiredPlan: null,
    credentials: z.strictObject({ api_login_id: Text(100), transaction_key: secretField }),
    settings: z.strictObject(sandbox),
  },
  wepay: {
    name: 'WePay',
    category: 'payments',
    requiredPlan: null,
    credentials: z.strictObject({ account_id: Text(100), access_token: secretField }),
    settings: z.strictObject(sandbox),
  },
  eway: {
    name: 'eWay',
    category: 'payments',
    requiredPlan: null,
    credentials: z.strictObject({ api_key: secretField, api_password: secretField }),
    settings: z.strictObject(sandbox),
  },
  tap: {
    name: 'Tap Payments',
    category: 'payments',
    requiredPlan: null,
    credentials: z.strictObject({ secret_key: secretField }),
    settings: z.strictObject(sandbox),
  },
} as const satisfies Record<
  string,
  { name: string; category: string; requiredPlan: Plan | null; credentials: z.ZodMiniType; settings: z.ZodMiniType }
>

/** The id of a built-in integration. @example `const id: IntegrationId = 'mailchimp'` */
export type IntegrationId = keyof typeof integrationCatalog
/** The ids of the built-in integrations. @example `IntegrationIdSchema.parse('mailchimp')` */
export const IntegrationIdSchema = z.enum(Object.keys(integrationCatalog) as [IntegrationId, ...IntegrationId[]], {
  error: `must be one of: ${Object.keys(integrationCatalog).join(', ')}`,
})
/** The categories of integrations. @example `IntegrationCategory.parse('payments')` */
export const IntegrationCategory = z.enum(['marketing', 'maps', 'reviews', 'social', 'push', 'calendar', 'payments'])

/**
 * A built-in integration. `credentials_set` names the credential fields that are stored; their values are
 * write-only and never returned.
 *
 * @example
 * ```ts
 * Integration.parse(body).credentials_set // ['api_key', 'audience_id']
 * ```
 */
export const Integration = z.object({
  id: IntegrationIdSchema,
  object: z.literal('integration'),
  name: z.string(),
  category: IntegrationCategory,
  status: z.enum(['connected', 'disconnected']),
  required_plan: z.nullable(z.enum(['starter', 'growth', 'unlimited'])),
  connected_at: z.nullable(Timestamp),
  settings: z.record(z.string(), z.unknown()),
  credentials_set: z.array(z.string()),
})

/**
 * The body of `PUT /v1/integrations/{id}` in its general form; the server checks `credentials` and `settings`
 * against that integration's own schemas in {@link integrationCatalog}.
 *
 * @example
 * ```ts
 * IntegrationConnect.parse({ credentials: { api_login_id: 'x', transaction_key: 'y' } })
 * ```
 */
export const IntegrationConnect = z.strictObject({
  credentials: z.record(z.string(), z.unknown()),
  settings: z.optional(z.record(z.string(), z.unknown())),
})

/** A built-in integration. @example `const mailchimp: Integration = await op.integrations.get('mailchimp')` */
export type Integration = z.output<typeof Integration>
/**
 * The typed connect body of one integration.
 *
 * @example
 * ```ts
 * const body: IntegrationConnectOf<'mailchimp'> = { credentials: { api_key: 'key-us21', audience_id: 'a1b2c3' } }
 * ```
 */
export type IntegrationConnectOf<I extends IntegrationId> = {
  credentials: z.input<(typeof integrationCatalog)[I]['credentials']>
  settings?: z.input<(typeof integrationCatalog)[I]['settings']>
}
