/**
 * The id prefix of every object type. Ids are `prefix_` + a time-sortable suffix, so sorting ids sorts by
 * creation time (the list order of the wire contract §1).
 *
 * @example
 * ```ts
 * idPrefixes.customer // 'cus'
 * ```
 */
export const idPrefixes = {
  customer: 'cus',
  user: 'usr',
  inquiry: 'inq',
  quote: 'quo',
  booking: 'bkg',
  appointment: 'apt',
  invoice: 'inv',
  payment: 'pay',
  complaint: 'cmp',
  communication: 'com',
  api_key: 'key',
  webhook_endpoint: 'whk',
  event: 'evt',
  webhook_delivery: 'dlv',
  request: 'req',
  account: 'acct',
} as const

/** An object type that has an id prefix. @example `const kind: IdKind = 'customer'` */
export type IdKind = keyof typeof idPrefixes
/** One of the id prefixes. @example `const prefix: IdPrefix = idPrefixes.customer // 'cus'` */
export type IdPrefix = (typeof idPrefixes)[IdKind]
