import { createReferenceServer } from '@octopuspro/reference-server'
import { createHandlers } from '@octopuspro/reference-server/msw'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { OctopusPro, ResponseValidationError } from '../../src/index.js'

// msw answers the client's ordinary global fetch: every route by the reference server, except the ones a test
// overrides to break the contract.
const server = createReferenceServer()
const mocks = setupServer(...createHandlers(server))
const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl })

beforeAll(() => mocks.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  mocks.resetHandlers()
  server.reset()
})
afterAll(async () => {
  mocks.close()
  await server.close()
})

/** Answers GET `path` with the server's own answer, altered by `breakIt`. */
function breaking(path: string, breakIt: (body: Record<string, unknown>) => Record<string, unknown>) {
  return http.get(`${server.baseUrl}${path}`, async ({ request }) => {
    const real = await server.fetch(request)
    return HttpResponse.json(breakIt((await real.json()) as Record<string, unknown>), {
      status: real.status,
      headers: { 'x-request-id': real.headers.get('x-request-id')! },
    })
  })
}

describe('response validation against a broken server (msw)', () => {
  it('passes through the real server answers', async () => {
    const customer = await op.customers.create({ name: 'Ada' })
    expect(await op.customers.get(customer.id)).toEqual(customer)
  })

  it('throws ResponseValidationError with zod issues and the path when an object breaks the contract', async () => {
    const customer = await op.customers.create({ name: 'Ada' })
    mocks.use(breaking('/customers/:id', (body) => ({ ...body, email: 42, created_at: 'yesterday', object: 'client' })))
    const error = (await op.customers.get(customer.id).catch((e: unknown) => e)) as ResponseValidationError
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(error).toMatchObject({
      code: 'response_invalid',
      method: 'GET',
      path: `/customers/${customer.id}`,
      status: 200,
    })
    expect(error.requestId).toMatch(/^req_/)
    expect(error.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['created_at', 'email', 'object'])
    expect(error.details.map((detail) => detail.path).sort()).toEqual(['created_at', 'email', 'object'])
  })

  it('catches a broken item deep inside a list page, with its path', async () => {
    await op.customers.create({ name: 'Ada' })
    await op.customers.create({ name: 'Grace' })
    mocks.use(
      breaking('/customers', (body) => ({
        ...body,
        data: (body.data as object[]).map((c, i) => (i === 1 ? { ...c, tags: 'vip' } : c)),
      })),
    )
    const error = (await op.customers
      .list()
      .toArray({ limit: 10 })
      .catch((e: unknown) => e)) as ResponseValidationError
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(error.issues.map((issue) => issue.path)).toEqual([['data', 1, 'tags']])
  })

  it('catches a broken list envelope', async () => {
    mocks.use(breaking('/customers', ({ has_more, ...rest }) => rest))
    const error = (await op.customers.list().catch((e: unknown) => e)) as ResponseValidationError
    expect(error.issues.map((issue) => issue.path)).toEqual([['has_more']])
  })

  it('accepts the broken answer as it is when validateResponses is off', async () => {
    const customer = await op.customers.create({ name: 'Ada' })
    mocks.use(breaking('/customers/:id', (body) => ({ ...body, email: 42 })))
    const lenient = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, validateResponses: false })
    expect(await lenient.customers.get(customer.id)).toEqual({ ...customer, email: 42 })
  })
})
