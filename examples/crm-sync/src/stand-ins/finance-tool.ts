/** An invoice as the finance tool knows it. */
export interface FinanceInvoice {
  /** The OctopusPro invoice number, e.g. `INV-000042`. */
  number: string
  total: number
  currency: string
  /** Payments recorded against it, one per OctopusPro payment id. */
  payments: { paymentId: string; amount: number }[]
  status: 'open' | 'paid'
}

/**
 * STAND-IN for your finance or accounting tool (Xero, QuickBooks…), in memory. Payments are recorded once per
 * OctopusPro payment id; an invoice is marked paid when its payments cover its total.
 */
export class InMemoryFinanceTool {
  readonly #invoices = new Map<string, FinanceInvoice>()

  async recordPayment(
    invoice: { number: string; total: number; currency: string },
    payment: { paymentId: string; amount: number },
  ): Promise<FinanceInvoice> {
    const entry = this.#invoices.get(invoice.number) ?? { ...invoice, payments: [], status: 'open' }
    if (!entry.payments.some((p) => p.paymentId === payment.paymentId)) entry.payments.push(payment)
    const paid = entry.payments.reduce((sum, p) => sum + p.amount, 0)
    entry.status = paid >= entry.total ? 'paid' : 'open'
    this.#invoices.set(invoice.number, entry)
    return entry
  }

  invoices(): FinanceInvoice[] {
    return [...this.#invoices.values()]
  }
}
