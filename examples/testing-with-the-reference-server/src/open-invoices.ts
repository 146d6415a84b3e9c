/**
 * YOUR CODE UNDER TEST, written without the SDK: plain `fetch` to the REST API, following `next_cursor` page by
 * page. The msw handlers let a test run it against the reference server without changing it.
 */
export async function totalDue(options: { baseUrl: string; apiKey: string; customerId?: string }): Promise<number> {
  let due = 0
  let cursor: string | null = null
  do {
    const url = new URL(`${options.baseUrl}/invoices`)
    url.searchParams.set('status', 'open')
    url.searchParams.set('limit', '100')
    if (options.customerId) url.searchParams.set('customer_id', options.customerId)
    if (cursor) url.searchParams.set('starting_after', cursor)
    const response = await fetch(url, { headers: { authorization: `Bearer ${options.apiKey}` } })
    if (!response.ok) throw new Error(`GET /invoices answered ${response.status}`)
    const page = (await response.json()) as {
      data: { amount_due: number }[]
      has_more: boolean
      next_cursor: string | null
    }
    due += page.data.reduce((sum, invoice) => sum + invoice.amount_due, 0)
    cursor = page.has_more ? page.next_cursor : null
  } while (cursor)
  return due
}
