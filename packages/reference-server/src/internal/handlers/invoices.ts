import { computeTotals, Invoice, type InvoiceCreate, type InvoiceUpdate } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { APIError } from '../api-error.js'
import { crudHandlers, ResourceStore } from './resource-store.js'

type InvoiceStatus = Invoice['status']

const statusMoves: Readonly<Record<InvoiceStatus, readonly InvoiceStatus[]>> = {
  draft: ['open', 'void'],
  open: ['void'],
  paid: [],
  void: [],
}

/**
 * `amount_due` follows `total` and `amount_paid`; an open invoice with nothing left to pay is `paid`, and a paid
 * one that a refund or an edit leaves something to pay on is `open` again.
 */
export function settle<T extends Pick<Invoice, 'total' | 'amount_paid' | 'amount_due' | 'status'>>(invoice: T): T {
  const amountDue = Math.max(invoice.total - invoice.amount_paid, 0)
  let status = invoice.status
  if (status === 'open' && amountDue === 0) status = 'paid'
  else if (status === 'paid' && amountDue > 0) status = 'open'
  return { ...invoice, amount_due: amountDue, status }
}

function formatNumber(sequence: number): string {
  return `INV-${String(sequence).padStart(6, '0')}`
}

/**
 * Invoices: numbered `INV-000001`, … by the server; totals from the line items; created `open` unless `draft`;
 * status moves draft → open and draft/open → void by PATCH, `paid` only through payments; paid and void invoices
 * are final (metadata aside).
 */
export const invoices = new ResourceStore<Invoice, z.output<typeof InvoiceCreate>, z.output<typeof InvoiceUpdate>>({
  resource: 'invoices',
  kind: 'invoice',
  schema: Invoice,
  compute: (body, call) => {
    call.state.invoiceNumber += 1
    const totals = computeTotals(body.line_items)
    const invoice = settle({
      ...totals,
      status: body.status as InvoiceStatus,
      amount_paid: 0,
      amount_due: totals.total,
    })
    return { ...invoice, number: formatNumber(call.state.invoiceNumber) }
  },
  amend: (next, current, patch) => {
    const fields = Object.keys(patch).filter(
      (key) => key !== 'metadata' && (patch as Record<string, unknown>)[key] !== undefined,
    )
    if (
      (current.status === 'paid' || current.status === 'void') &&
      fields.some((key) => JSON.stringify(next[key as keyof Invoice]) !== JSON.stringify(current[key as keyof Invoice]))
    ) {
      throw new APIError(
        'invalid_state_transition',
        `invoice '${current.id}' is ${current.status} and can no longer be changed (only its metadata); create a ` +
          `new invoice instead`,
      )
    }
    if (
      patch.status !== undefined &&
      patch.status !== current.status &&
      !statusMoves[current.status].includes(patch.status)
    ) {
      throw new APIError(
        'invalid_state_transition',
        `invoice '${current.id}' cannot move from ${current.status} to ${patch.status}; allowed: draft → open, ` +
          `draft/open → void (paid is set by payments)`,
        { param: 'status' },
      )
    }
    const totals = computeTotals(next.line_items)
    if (totals.total < next.amount_paid) {
      throw new APIError(
        'amount_invalid',
        `the new total ${totals.total} is less than the ${next.amount_paid} already paid; refund a payment first`,
        { param: 'line_items' },
      )
    }
    return settle({ ...next, ...totals })
  },
  events: { created: 'invoice.created', updated: 'invoice.updated', deleted: 'invoice.deleted' },
})

export const invoiceHandlers = crudHandlers(invoices)
