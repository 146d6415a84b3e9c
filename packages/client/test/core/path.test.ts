import { describe, expect, it } from 'vitest'
import { path, routePath } from '../../src/core/path.js'
import { OctopusProError } from '../../src/errors/octopuspro-error.js'

describe('path', () => {
  it('interpolates ordinary ids unchanged', () => {
    const id = 'cus_01jdq6b3v2'
    expect(path`/customers/${id}`).toBe('/customers/cus_01jdq6b3v2')
    expect(path`/payments/${'pay_1'}/refund`).toBe('/payments/pay_1/refund')
  })

  it.each([
    ['cus_1/../../api-keys', '/customers/cus_1%2F..%2F..%2Fapi-keys'],
    ['a/b', '/customers/a%2Fb'],
    ['x?expand=secret', '/customers/x%3Fexpand%3Dsecret'],
    ['x#frag', '/customers/x%23frag'],
    ['%2e%2e', '/customers/%252e%252e'],
    ['sp ace', '/customers/sp%20ace'],
    ['..x', '/customers/..x'],
  ])('encodes %j as one segment', (id, expected) => {
    const built = path`/customers/${id}`
    expect(built).toBe(expected)
    // Resolving against a base proves no segment escaped: the path still starts with /v1/customers/ and has one more
    // segment.
    const url = new URL(`http://api.test/v1${built}`)
    expect(url.pathname.split('/')).toHaveLength(4)
    expect(url.pathname.startsWith('/v1/customers/')).toBe(true)
    expect(url.search).toBe('')
    expect(url.hash).toBe('')
  })

  it.each(['', '.', '..'])('refuses %j, which URL resolution would reinterpret', (id) => {
    expect(() => path`/customers/${id}`).toThrowError(OctopusProError)
    expect(() => path`/customers/${id}`).toThrowError(/is not a usable id/)
  })

  it('refuses a value that is not a string (an id from untyped JSON)', () => {
    const error = (() => {
      try {
        path`/customers/${undefined as unknown as string}`
      } catch (e) {
        return e as OctopusProError
      }
    })()
    expect(error?.code).toBe('invalid_path_parameter')
  })
})

describe('routePath', () => {
  it('fills the {id} of a route-table path through the same encoder', () => {
    expect(routePath('/payments/{id}/approve', 'pay_1')).toBe('/payments/pay_1/approve')
    expect(routePath('/customers/{id}', 'a/../b')).toBe('/customers/a%2F..%2Fb')
    expect(() => routePath('/customers/{id}', '..')).toThrowError(/is not a usable id/)
  })

  it('returns paths without {id} as they are', () => {
    expect(routePath('/account')).toBe('/account')
  })
})
