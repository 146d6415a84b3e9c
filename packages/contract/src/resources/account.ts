import * as z from 'zod/mini'
import { Currency, Id, Text } from '../primitives.js'

/** The subscription plans; some integrations need a given plan. @example `Plan.parse('unlimited')` */
export const Plan = z.enum(['starter', 'growth', 'unlimited'])

/** The account the API key belongs to (`GET /v1/account`). @example `Account.parse(body)` */
export const Account = z.object({
  id: Id('account'),
  object: z.literal('account'),
  name: Text(200),
  plan: Plan,
  timezone: Text(64),
  currency: Currency,
})

/** The account. @example `const account: Account = await op.account.get()` */
export type Account = z.output<typeof Account>
/** A subscription plan. @example `const plan: Plan = 'unlimited'` */
export type Plan = z.output<typeof Plan>
