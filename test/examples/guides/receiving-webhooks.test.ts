import { OctopusPro } from '@octopuspro/client'
import { generateWebhookSecret, type WebhookEventOf } from '@octopuspro/contract'
import { createReferenceServer } from '@octopuspro/reference-server'
import { memoryDedupe, type WebhookEvent, Webhooks } from '@octopuspro/webhooks'
import { createTestEvent, signPayload } from '@octopuspro/webhooks/testing'
import { describe, expect, it, vi } from 'vitest'

// The samples of docs/receiving-webhooks.md that are not in a framework file or an example.
const secret = generateWebhookSecret()

async function deliver(webhooks: Webhooks, event: { id: string }) {
  const body = JSON.stringify(event)
  return webhooks.handle(
    new Request('https://app.example.com/webhooks', {
      method: 'POST',
      headers: await signPayload({ secret, id: event.id, body }),
      body,
    }),
  )
}

describe('docs/receiving-webhooks.md', () => {
  it('handlers: one type, a category, a list, everything, errors', async () => {
    const seen: string[] = []
    const webhooks = new Webhooks({ secret })
    const markInvoicePaid = async (invoiceId: string | null, amount: number) =>
      void seen.push(`paid ${invoiceId} ${amount}`)
    const syncBooking = async (booking: WebhookEventOf<'booking.created'>['data']) =>
      void seen.push(`booking ${booking.id}`)
    const upsertContact = async (customer: WebhookEventOf<'customer.created'>['data']) =>
      void seen.push(`contact ${customer.id}`)
    const report = vi.fn()
    // #region handlers
    // narrowed
    webhooks.on('payment.approved', async (event) => markInvoicePaid(event.data.invoice_id, event.data.amount))
    webhooks.on('booking.*', async (event) => syncBooking(event.data)) // every booking event
    webhooks.on(['customer.created', 'customer.updated'], async (event) => upsertContact(event.data))
    webhooks.onAny((event) => console.log('webhook', event.type, event.id)) // everything, unknown types too
    webhooks.onError((error) => report(error)) // a handler failed: the delivery is answered 500 and retried
    // #endregion handlers
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const approved = createTestEvent('payment.approved', { data: { invoice_id: 'inv_1', amount: 5000 } })
    const booking = createTestEvent('booking.updated')
    const customer = createTestEvent('customer.updated')
    for (const event of [approved, booking, customer]) expect((await deliver(webhooks, event)).status).toBe(204)
    expect(seen).toEqual(['paid inv_1 5000', `booking ${booking.data.id}`, `contact ${customer.data.id}`])
    expect(log.mock.calls.map((call) => call[1])).toEqual(['payment.approved', 'booking.updated', 'customer.updated'])
    log.mockRestore()
    expect(report).not.toHaveBeenCalled()
  })

  it('an event type this version does not know reaches onAny, marked unknown', async () => {
    const webhooks = new Webhooks({ secret })
    const received: (WebhookEvent | { unknown: true; type: string })[] = []
    webhooks.onAny((event) => void received.push(event))
    const future = { ...createTestEvent('booking.created'), type: 'booking.archived' }
    expect((await deliver(webhooks, future)).status).toBe(204)
    expect(received).toEqual([expect.objectContaining({ type: 'booking.archived', unknown: true })])
  })

  it("ack: 'immediate' answers 204 at once; failures reach onError only", async () => {
    let release!: () => void
    const slowWork = new Promise<void>((resolve) => (release = resolve))
    const errors: unknown[] = []
    const rebuildSchedule = async (_booking: WebhookEventOf<'booking.created'>['data']) => {
      await slowWork
      throw new Error('scheduler down')
    }
    const alert = (error: unknown) => void errors.push(error)
    // #region ack-immediate
    const webhooks = new Webhooks({ secret, dedupe: memoryDedupe(), ack: 'immediate' })
    webhooks.on('booking.created', async (event) => {
      await rebuildSchedule(event.data) // runs after the 204 was sent
    })
    webhooks.onError((error) => alert(error)) // nothing is retried: a failure only reaches onError
    // #endregion ack-immediate
    expect((await deliver(webhooks, createTestEvent('booking.created'))).status).toBe(204)
    expect(errors).toEqual([])
    release()
    await vi.waitFor(() => expect(errors).toHaveLength(1))
  })

  it('troubleshooting from the API: the delivery log, redelivery, a test event, a disabled endpoint', async () => {
    const server = createReferenceServer({
      delivery: { retrySchedule: [], fetch: async () => new Response('boom', { status: 500 }) },
    })
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
    const created = await op.webhooks.create({
      name: 'Order Notifications',
      url: 'https://your-domain.com/webhook',
      event_types: ['booking.created'],
    })
    const endpointId = created.id
    await op.webhooks.sendTest(endpointId, { event_type: 'booking.created' })
    await server.deliveries.waitFor({ status: 'failed' })
    const lines: string[] = []
    const log = (line: string) => lines.push(line)
    // #region inspect
    const endpoint = await op.webhooks.get(endpointId)
    log(
      `${endpoint.url} active=${endpoint.active} ${endpoint.disabled_reason ?? ''} ` +
        `types=${endpoint.event_types.join(',')}`,
    )
    for await (const delivery of op.webhooks.listDeliveries(endpointId, { status: 'failed' })) {
      const last = delivery.attempts.at(-1)
      log(
        `${delivery.event_type} ${delivery.event_id}: ${last?.status_code ?? last?.error} ` +
          `${last?.response_body_excerpt ?? ''}`,
      )
      await op.webhookDeliveries.redeliver(delivery.id) // once the receiver is fixed
    }
    await op.webhooks.sendTest(endpointId, { event_type: 'booking.created' }) // a sample event, marked test: true
    // #endregion inspect
    expect(lines[0]).toBe('https://your-domain.com/webhook active=true  types=booking.created')
    expect(lines[1]).toMatch(/^booking\.created evt_\w+: 500 boom$/)
    await server.close()
  })
})
