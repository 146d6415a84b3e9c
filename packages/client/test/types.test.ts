import type {
  Account,
  ApiKey,
  ApiKeyWithSecret,
  Appointment,
  Customer,
  CustomerCreate,
  CustomerUpdate,
  DeletedObject,
  Integration,
  Payment,
  RouteQuery,
  Routes,
  WebhookDelivery,
  WebhookEvent,
  WebhookEventType,
} from '@octopuspro/contract'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { type APIPromise, OctopusPro, type Page, type PagePromise, type WithResponse } from '../src/index.js'
import { apiKey, baseUrl } from './helpers/stub-fetch.js'

const op = new OctopusPro({ apiKey, baseUrl })

// The assertions below are checked by `pnpm typecheck`; the calls inside `typeOnly` are never run.
function typeOnly(_: () => unknown): void {}

describe('types derived from the contract', () => {
  it('CRUD params and results', () => {
    expectTypeOf(op.customers.create).parameter(0).toEqualTypeOf<CustomerCreate>()
    expectTypeOf(op.customers.create).returns.toEqualTypeOf<APIPromise<Customer>>()
    expectTypeOf(op.customers.get).returns.resolves.toEqualTypeOf<Customer>()
    expectTypeOf(op.customers.update).parameter(1).toEqualTypeOf<CustomerUpdate>()
    expectTypeOf(op.customers.delete).returns.resolves.toEqualTypeOf<DeletedObject>()
    expectTypeOf(op.customers.list).parameter(0).toEqualTypeOf<RouteQuery<Routes['customers']['list']> | undefined>()
    expectTypeOf(op.customers.list).returns.toEqualTypeOf<PagePromise<Customer>>()
    expectTypeOf(op.customers.list).returns.resolves.toEqualTypeOf<Page<Customer>>()
    expectTypeOf(op.customers.get('cus_1').withResponse()).resolves.toEqualTypeOf<WithResponse<Customer>>()

    typeOnly(() => {
      op.customers.create({
        name: 'Ada',
        tags: ['vip'],
        address: { line1: '1 Main St', city: 'Springfield', country: 'US' },
      })
      // @ts-expect-error name is required
      op.customers.create({ email: 'ada@example.com' })
      // @ts-expect-error a typo is not a field
      op.customers.create({ name: 'Ada', nmae: 'Ada' })
      op.customers.update('cus_1', { phone: null })
      // @ts-expect-error name cannot be cleared
      op.customers.update('cus_1', { name: null })
      op.customers.list({ tag: 'vip', limit: 10, starting_after: 'cus_1' })
      // @ts-expect-error not a customer filter
      op.customers.list({ status: 'open' })
      // @ts-expect-error limit is a number
      op.customers.list({ limit: '10' })
      op.users.list({ role: 'fieldworker', active: true })
      // @ts-expect-error active is a boolean, not text
      op.users.list({ active: 'true' })
    })
  })

  it('items of list pages and of for await', async () => {
    typeOnly(async () => {
      for await (const booking of op.bookings.list({ status: 'confirmed' }))
        expectTypeOf(booking.scheduled_start).toEqualTypeOf<string>()
      const page = await op.invoices.list({ status: 'open' })
      expectTypeOf(page.data[0]!.amount_due).toEqualTypeOf<number>()
      expectTypeOf(page.nextPage()).resolves.toEqualTypeOf<Page<(typeof page.data)[number]>>()
      expectTypeOf(await op.events.list().toArray({ limit: 10 })).toEqualTypeOf<WebhookEvent[]>()
      // @ts-expect-error toArray needs a limit
      await op.events.list().toArray()
    })
    expect(true).toBe(true)
  })

  it('actions', () => {
    expectTypeOf(op.appointments.setStatus).parameter(1).toEqualTypeOf<{ status: Appointment['status'] }>()
    expectTypeOf(op.appointments.arrive).returns.resolves.toEqualTypeOf<Appointment>()
    expectTypeOf(op.payments.approve).returns.resolves.toEqualTypeOf<Payment>()
    expectTypeOf(op.apiKeys.create).returns.resolves.toEqualTypeOf<ApiKeyWithSecret>()
    expectTypeOf(op.apiKeys.revoke).returns.resolves.toEqualTypeOf<ApiKey>()
    expectTypeOf(op.account.get).returns.resolves.toEqualTypeOf<Account>()
    expectTypeOf(op.webhookDeliveries.redeliver).returns.resolves.toEqualTypeOf<WebhookDelivery>()
    expectTypeOf(op.webhooks.listDeliveries).returns.toEqualTypeOf<PagePromise<WebhookDelivery>>()
    expectTypeOf(op.webhookEventTypes.list).returns.toEqualTypeOf<PagePromise<WebhookEventType>>()
    expectTypeOf(op.webhooks.sendTest).returns.resolves.toEqualTypeOf<WebhookEvent>()

    typeOnly(() => {
      op.payments.refund('pay_1')
      op.payments.refund('pay_1', { amount: 500 })
      op.payments.reject('pay_1', { reason: 'card declined' })
      // @ts-expect-error reject needs a body
      op.payments.reject('pay_1')
      // @ts-expect-error payments cannot be updated
      op.payments.update
      // @ts-expect-error appointments cannot be deleted
      op.appointments.delete
      // @ts-expect-error communications are immutable
      op.communications.update
      // @ts-expect-error not a status
      op.appointments.setStatus('apt_1', { status: 'teleported' })
      op.apiKeys.roll('key_1')
      op.apiKeys.roll('key_1', { expires_in_seconds: 60 })
      op.webhooks.create({ name: 'n', url: 'https://example.com/hook', event_types: ['booking.created', '*'] })
      // The answer is typed by the signing scheme: a secret for HMAC endpoints, a public key for ed25519 ones.
      const hook = { name: 'n', url: 'https://example.com/hook', event_types: ['*' as const] }
      expectTypeOf(op.webhooks.create(hook)).resolves.toHaveProperty('secret').toEqualTypeOf<string>()
      expectTypeOf(op.webhooks.create({ ...hook, signing: 'ed25519' }))
        .resolves.toHaveProperty('secret')
        .toBeNull()
      expectTypeOf(op.webhooks.create({ ...hook, signing: 'ed25519' }))
        .resolves.toHaveProperty('public_key')
        .toEqualTypeOf<string>()
      expectTypeOf(op.webhooks.rotateSecret('whk_1', { signing: 'ed25519' }))
        .resolves.toHaveProperty('public_key')
        .toEqualTypeOf<string>()
      expectTypeOf(op.webhooks.rotateSecret('whk_1')).resolves.toHaveProperty('secret').toEqualTypeOf<string | null>()
      // @ts-expect-error not a signing scheme
      op.webhooks.create({ ...hook, signing: 'rsa' })
      // @ts-expect-error not an event type
      op.webhooks.create({ name: 'n', url: 'https://example.com/hook', event_types: ['booking.exploded'] })
      op.webhookEventTypes.list({ search: 'payment', category: 'PAYMENT' })
      // @ts-expect-error not a category
      op.webhookEventTypes.list({ category: 'BILLING' })
      op.events.list({ type: 'payment.approved' })
      // @ts-expect-error not an event type
      op.events.list({ type: 'payment.exploded' })
    })
  })

  it('events narrow on their type', () => {
    typeOnly(async () => {
      const event = await op.events.get('evt_1')
      if (event.type === 'payment.approved') expectTypeOf(event.data).toEqualTypeOf<Payment>()
      if (event.type === 'customer.updated') expectTypeOf(event.data).toEqualTypeOf<Customer>()
    })
  })

  it('integrations take the credentials of the one they connect', () => {
    expectTypeOf(op.integrations.get).returns.resolves.toEqualTypeOf<Integration>()
    typeOnly(() => {
      op.integrations.connect('mailchimp', {
        credentials: { api_key: 'k', audience_id: 'a' },
        settings: { double_opt_in: true },
      })
      op.integrations.connect('authorize_net', {
        credentials: { api_login_id: 'l', transaction_key: 't' },
        settings: { sandbox: true },
      })
      // @ts-expect-error mailchimp needs audience_id
      op.integrations.connect('mailchimp', { credentials: { api_key: 'k' } })
      // @ts-expect-error these are authorize_net's credentials, not tap's
      op.integrations.connect('tap', { credentials: { api_login_id: 'l', transaction_key: 't' } })
      // @ts-expect-error not a built-in integration
      op.integrations.get('zapier')
    })
  })

  it('per-call options', () => {
    typeOnly(() => {
      op.customers.create(
        { name: 'Ada' },
        { idempotencyKey: 'k', timeout: 1_000, maxRetries: 0, signal: AbortSignal.timeout(5), headers: { 'x-a': 'b' } },
      )
      // @ts-expect-error not an option
      op.customers.get('cus_1', { retries: 3 })
    })
  })
})
