import { computeTotals, Quote, type QuoteCreate, type QuoteUpdate } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { crudHandlers, ResourceStore } from './resource-store.js'

/** Quotes: `subtotal`, `tax` and `total` are computed from the line items on create and on every change of them. */
export const quotes = new ResourceStore<Quote, z.output<typeof QuoteCreate>, z.output<typeof QuoteUpdate>>({
  resource: 'quotes',
  kind: 'quote',
  schema: Quote,
  compute: (body) => computeTotals(body.line_items),
  amend: (next) => ({ ...next, ...computeTotals(next.line_items) }),
  events: { created: 'quote.created', updated: 'quote.updated', deleted: 'quote.deleted' },
})

export const quoteHandlers = crudHandlers(quotes)
