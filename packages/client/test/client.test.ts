import { inspect } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OctopusPro, OctopusProError } from '../src/index.js'
import { readEnv } from '../src/internal/env.js'
import { apiKey, baseUrl, customer, ok, stubFetch } from './helpers/stub-fetch.js'

afterEach(() => {
  vi.unstubAllEnvs()
})

function constructionError(options: ConstructorParameters<typeof OctopusPro>[0]): OctopusProError {
  try {
    new OctopusPro(options)
  } catch (error) {
    return error as OctopusProError
  }
  throw new Error('expected the constructor to throw')
}

describe('new OctopusPro', () => {
  it('needs an API key, and says where to put it', () => {
    vi.stubEnv('OCTOPUSPRO_API_KEY', '')
    const error = constructionError({ baseUrl })
    expect(error).toBeInstanceOf(OctopusProError)
    expect(error.code).toBe('missing_api_key')
    expect(error.message).toMatch(/pass new OctopusPro\(\{ apiKey \}\) or set OCTOPUSPRO_API_KEY/)
  })

  it('needs a base URL, and says where to put it', () => {
    vi.stubEnv('OCTOPUSPRO_BASE_URL', '')
    const error = constructionError({ apiKey })
    expect(error.code).toBe('missing_base_url')
    expect(error.message).toMatch(/pass new OctopusPro\(\{ baseUrl \}\).*or set OCTOPUSPRO_BASE_URL/)
  })

  it('falls back to OCTOPUSPRO_API_KEY and OCTOPUSPRO_BASE_URL', async () => {
    vi.stubEnv('OCTOPUSPRO_API_KEY', apiKey)
    vi.stubEnv('OCTOPUSPRO_BASE_URL', 'http://env.octopuspro.test/v1/')
    const stub = stubFetch(() => ok(customer))
    const op = new OctopusPro({ fetch: stub.fetch })
    expect(op.baseUrl).toBe('http://env.octopuspro.test/v1')
    await op.customers.get('cus_1')
    expect(stub.seen[0]!.url.href).toBe('http://env.octopuspro.test/v1/customers/cus_1')
    expect(stub.seen[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`)
  })

  it('prefers the options over the environment', () => {
    vi.stubEnv('OCTOPUSPRO_BASE_URL', 'http://env.octopuspro.test/v1')
    expect(new OctopusPro({ apiKey, baseUrl }).baseUrl).toBe(baseUrl)
  })

  it('has defaults: 60 s timeout, 2 retries, validation on', () => {
    const op = new OctopusPro({ apiKey, baseUrl })
    expect([op.timeout, op.maxRetries, op.validateResponses]).toEqual([60_000, 2, true])
  })

  it.each([
    [{ baseUrl: 'api.example.com/v1' }, /baseUrl 'api.example.com\/v1' is not an http\(s\) URL/],
    [{ baseUrl: 'ftp://api.example.com/v1' }, /is not an http\(s\) URL/],
    [{ timeout: 0 }, /timeout must be an integer from 1/],
    [{ timeout: 1.5 }, /timeout must be an integer/],
    [{ maxRetries: -1 }, /maxRetries must be an integer from 0/],
  ])('refuses %j', (options, message) => {
    const error = constructionError({ apiKey, baseUrl, ...options })
    expect(error.code).toBe('invalid_option')
    expect(error.message).toMatch(message)
  })

  it('reads no environment where there is no process (browsers)', () => {
    vi.stubGlobal('process', undefined)
    let value: string | undefined = 'unset'
    try {
      value = readEnv('OCTOPUSPRO_API_KEY')
    } finally {
      vi.unstubAllGlobals()
    }
    expect(value).toBeUndefined()
  })
})

describe('the API key stays out of every representation of the client', () => {
  const op = new OctopusPro({ apiKey, baseUrl })

  it.each([
    ['toString', () => String(op)],
    ['template literal', () => `${op}`],
    ['JSON.stringify', () => JSON.stringify(op)],
    ['JSON.stringify of a resource', () => JSON.stringify(op.customers)],
    ['util.inspect', () => inspect(op, { depth: 10, showHidden: true })],
    ['util.inspect of a resource', () => inspect(op.customers, { depth: 10, showHidden: true })],
    ['Object.entries', () => inspect(Object.entries(op), { depth: 10 })],
  ])('%s', (_, render) => {
    const text = render()
    expect(text).not.toContain(apiKey)
    expect(text).not.toContain('TESTsecret')
    expect(text).toContain(baseUrl)
  })

  it('a construction error never contains it either', () => {
    const error = constructionError({ apiKey, baseUrl: 'nope' })
    expect(inspect(error)).not.toContain(apiKey)
  })
})
