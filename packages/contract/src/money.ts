/**
 * A line item as sent in a create or update body (`tax_rate` defaults to 0).
 *
 * @example
 * ```ts
 * const item: LineItemInput = { description: 'Gutter cleaning', quantity: 1, unit_amount: 18_000, tax_rate: 10 }
 * ```
 */
export interface LineItemInput {
  description: string
  quantity: number
  unit_amount: number
  tax_rate?: number
}

/**
 * The totals of a list of line items, in integer minor units.
 *
 * @example
 * ```ts
 * const { subtotal, tax, total }: Totals = computeTotals([
 *   { description: 'Gutters', quantity: 1, unit_amount: 18_000, tax_rate: 10 },
 * ])
 * ```
 */
export interface Totals {
  subtotal: number
  tax: number
  total: number
}

/**
 * Rounds half up (the amounts here are never negative). A product such as 1.005 × 100 lands a hair under the half
 * (100.49999999999999); nudging by a few units of the last place restores it. Cheap on purpose: it runs for every
 * line of every quote and invoice that is validated (`toPrecision` cost half of a 100-line invoice's validation).
 */
function roundHalfUp(value: number): number {
  return Math.floor(value + value * 4 * Number.EPSILON + 0.5)
}

/**
 * Computes `subtotal`, `tax` and `total` of line items the way the API does: per line, the net amount
 * (`quantity × unit_amount`) and its tax are each rounded half up to an integer, then summed.
 *
 * @example
 * ```ts
 * computeTotals([{ description: 'Gutter clean', quantity: 1.5, unit_amount: 999, tax_rate: 10 }])
 * // { subtotal: 1499, tax: 150, total: 1649 }
 * ```
 */
export function computeTotals(lineItems: readonly LineItemInput[]): Totals {
  let subtotal = 0
  let tax = 0
  for (const item of lineItems) {
    const net = roundHalfUp(item.quantity * item.unit_amount)
    subtotal += net
    tax += roundHalfUp((net * (item.tax_rate ?? 0)) / 100)
  }
  return { subtotal, tax, total: subtotal + tax }
}
