import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  OctopusPro,
  UnprocessableEntityError,
} from '@octopuspro/client'
import type { Customer } from '@octopuspro/contract'
import { createReferenceServer, type ReferenceServer } from '@octopuspro/reference-server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// The samples of docs/errors-and-retries.md against the reference server, its faults standing in for a bad day.
let server: ReferenceServer
let op: OctopusPro

beforeEach(() => {
  server = createReferenceServer({ seed: 'demo' })
  op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
})
afterEach(() => server.close())

describe('docs/errors-and-retries.md', () => {
  it('one class per status, with the API code, param, details and request id', async () => {
    const [payment] = (await op.payments.list({ status: 'approved', limit: 1 })).data
    const paymentId = payment!.id
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    // #region catch
    try {
      await op.payments.approve(paymentId)
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'invalid_state_transition') {
        console.log('already approved or rejected') // 409: nothing to do
      } else if (error instanceof NotFoundError) {
        console.log(`no payment ${paymentId} (request ${error.requestId})`) // quote the request id to support
      } else {
        throw error
      }
    }
    // #endregion catch
    expect(log).toHaveBeenCalledWith('already approved or rejected')
    log.mockRestore()

    const typo = await op.customers
      .create({ name: 'Ada', emial: 'ada@example.com' } as never)
      .catch((error: unknown) => error)
    // #region details
    if (typo instanceof BadRequestError) {
      typo.code // 'unknown_parameter'
      typo.param // 'emial'
      typo.message // "400 unknown_parameter: …", says what to fix
    }
    // #endregion details
    expect(typo).toBeInstanceOf(BadRequestError)
    expect(typo).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code: 'unknown_parameter',
      param: 'emial',
      requestId: expect.stringMatching(/^req_/),
    })

    const unknownCustomer = await op.invoices
      .create({
        customer_id: 'cus_0000000000000000000000',
        line_items: [{ description: 'x', quantity: 1, unit_amount: 1 }],
      })
      .catch((error: unknown) => error)
    expect(unknownCustomer).toBeInstanceOf(UnprocessableEntityError)
    expect(unknownCustomer).toMatchObject({ status: 422, code: 'reference_invalid', param: 'customer_id' })
  })

  it('retries 5xx with backoff, and a POST is not done twice when its answer was lost', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    // #region retries
    const op = new OctopusPro({
      apiKey: server.apiKey,
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      maxRetries: 3, // default 2
      hooks: {
        onRetry: [
          ({ error, attempt, delayMs }) =>
            console.warn(`attempt ${attempt} failed (${error.code}), retrying in ${delayMs} ms`),
        ],
      },
    })
    // #endregion retries
    // The customer is created, then the answer is lost (502): the retry, with the same Idempotency-Key, gets the
    // stored answer instead of creating a second customer.
    server.faults.add({ match: 'POST /v1/customers', status: 502, after: true, times: 1 })
    const { data, response } = await op.customers
      .create({ name: 'Grace Hopper', email: 'grace@example.com' })
      .withResponse()
    expect(warn.mock.calls).toEqual([
      [expect.stringMatching(/^attempt 1 failed \(injected_fault\), retrying in \d+ ms$/)],
    ])
    warn.mockRestore()
    expect(response.headers.get('idempotent-replayed')).toBe('true')
    expect((await op.customers.list({ email: 'grace@example.com' })).data.map((c: Customer) => c.id)).toEqual([data.id])
  })

  it('your own Idempotency-Key makes a create safe across restarts of your process', async () => {
    const orderId = 'order-2026-1127-0042'
    // #region idempotency-key
    const body = { name: 'Linus Pauling', email: 'linus@example.com' }
    const customer = await op.customers.create(body, { idempotencyKey: `customer-for-${orderId}` })
    const again = await op.customers.create(body, { idempotencyKey: `customer-for-${orderId}` }) // the same customer
    // #endregion idempotency-key
    expect(again.id).toBe(customer.id)
    await expect(
      op.customers.create({ name: 'Someone else' }, { idempotencyKey: `customer-for-${orderId}` }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'idempotency_key_reused',
    })
  })

  it('per-call timeout, retries and cancellation', async () => {
    server.faults.add({ match: 'GET /v1/account', latencyMs: 500 })
    // #region per-call
    const controller = new AbortController()
    const account = op.account.get({ timeout: 100, maxRetries: 0, signal: controller.signal })
    // #endregion per-call
    await expect(account).rejects.toBeInstanceOf(APITimeoutError)
    // a timeout is a connection error
    await expect(op.account.get({ timeout: 100, maxRetries: 0 })).rejects.toBeInstanceOf(APIConnectionError)

    const cancelled = new AbortController()
    const pending = op.account.get({ signal: cancelled.signal })
    cancelled.abort()
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError)
  })

  it('a logger gets one line per attempt', async () => {
    const lines: string[] = []
    const logger = { info: (message: string) => lines.push(message), warn: (message: string) => lines.push(message) }
    // #region logger
    // or logger: console
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch, logger })
    // #endregion logger
    await op.account.get()
    expect(lines).toEqual([expect.stringMatching(/^GET \/account 200 \d+ms req_\w+/)])
    expect(lines.join('')).not.toContain(server.apiKey)
  })
})
