import * as z from 'zod/mini'
import { type IdKind, idPrefixes } from './id-prefixes.js'
import { computeTotals } from './money.js'

/**
 * An id of one object type: `Id('customer')` accepts `cus_…` only.
 *
 * @example
 * ```ts
 * Id('customer').parse('cus_01jdq6b3v2') // ok
 * ```
 */
export function Id<K extends IdKind>(kind: K) {
  const prefix = idPrefixes[kind]
  return z
    .string()
    .check(z.regex(new RegExp(`^${prefix}_[0-9A-Za-z]{1,64}$`), `must be a ${kind.replace('_', ' ')} id (${prefix}_…)`))
}

/**
 * An ISO 8601 UTC timestamp such as `2026-11-27T10:00:00.000Z`.
 *
 * @example `Timestamp.parse('2026-11-27T10:00:00.000Z')`
 */
export const Timestamp = z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp such as 2026-11-27T10:00:00.000Z' })

/** A calendar date `YYYY-MM-DD`. @example `DateOnly.parse('2026-12-01')` */
export const DateOnly = z.iso.date({ error: 'must be a date such as 2026-12-01' })

/** A non-empty string of at most `max` characters. @example `Text(200).parse('Ada')` */
export function Text(max = 5000) {
  return z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`))
}

/** An e-mail address. @example `Email.parse('ada@example.com')` */
export const Email = z.email({ error: 'must be an e-mail address such as ada@example.com' })

/**
 * A phone number: digits with optional `+`, spaces, dashes, dots and parentheses.
 *
 * @example `Phone.parse('+1 555 0100')`
 */
export const Phone = z.string().check(z.regex(/^\+?[0-9 ().-]{4,32}$/, 'must be a phone number such as +1 555 0100'))

/** An ISO 4217 currency code in lower case. @example `Currency.parse('usd')` */
export const Currency = z.string().check(z.regex(/^[a-z]{3}$/, "must be a lower-case ISO 4217 code such as 'usd'"))

/**
 * The largest amount the API accepts or computes, in minor units.
 *
 * @example `if (total > MAX_AMOUNT) throw new RangeError('split the invoice')`
 */
export const MAX_AMOUNT = 99_999_999_999

/** An amount in integer minor units (`1999` = 19.99), zero or more. @example `Amount.parse(1999)` */
export const Amount = z
  .int({ error: 'must be an integer amount in minor units (1999 = 19.99)' })
  .check(z.gte(0, 'must be zero or more'), z.lte(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`))

/** An amount in minor units greater than zero. @example `PositiveAmount.parse(500)` */
export const PositiveAmount = Amount.check(z.gt(0, 'must be greater than zero'))

/** A money value: amount in minor units and a currency. @example `Money.parse({ amount: 50000, currency: 'usd' })` */
export const Money = z.strictObject({ amount: Amount, currency: Currency })

/**
 * Up to 50 string keys (≤ 40 chars) with string values (≤ 500 chars), for the user's own references.
 *
 * @example
 * ```ts
 * Metadata.parse({ crm_id: '12345' })
 * ```
 */
export const Metadata = z
  .record(
    z.string().check(z.maxLength(40, 'metadata keys must be at most 40 characters')),
    z.string().check(z.maxLength(500, 'metadata values must be at most 500 characters')),
  )
  .check(z.refine((value) => Object.keys(value).length <= 50, 'must have at most 50 keys'))

/** A postal address. @example `Address.parse({ line1: '1 Main St', city: 'Springfield', country: 'US' })` */
export const Address = z.strictObject({
  line1: Text(200),
  line2: z.optional(z.nullable(Text(200))),
  city: Text(100),
  region: z.optional(z.nullable(Text(100))),
  postal_code: z.optional(z.nullable(Text(20))),
  country: z.string().check(z.regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as 'US'")),
})

/**
 * A line item of a quote or invoice. `quantity` may be fractional; `tax_rate` is a percentage.
 *
 * @example
 * ```ts
 * LineItem.parse({ description: 'Deep clean', quantity: 2, unit_amount: 4500 })
 * ```
 */
export const LineItem = z.strictObject({
  description: Text(500),
  quantity: z.number().check(z.gt(0, 'must be greater than zero'), z.lte(1_000_000, 'must be at most 1000000')),
  unit_amount: Amount,
  tax_rate: z._default(z.number().check(z.gte(0, 'must be 0 to 100'), z.lte(100, 'must be 0 to 100')), 0),
})

/**
 * Line items: one to 100, whose computed total fits in an amount.
 *
 * @example `LineItems.parse([{ description: 'Visit', quantity: 1, unit_amount: 9900 }])`
 */
export const LineItems = z.array(LineItem).check(
  z.minLength(1, 'must have at least one line item'),
  z.maxLength(100, 'must have at most 100 line items'),
  z.refine(
    (items) => computeTotals(items).total <= MAX_AMOUNT,
    `must total at most ${MAX_AMOUNT} (tax included); split the work over several documents`,
  ),
)
