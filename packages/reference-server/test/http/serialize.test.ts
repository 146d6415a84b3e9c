import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { pageJson, storedJson } from '../../src/internal/http/serialize.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('storedJson', () => {
  it('serializes an object once and answers the same text for it after', () => {
    const customer = { id: 'cus_1', name: 'Ada', tags: ['vip'] }
    const stringify = vi.spyOn(JSON, 'stringify')
    const first = storedJson(customer)
    expect(first).toBe('{"id":"cus_1","name":"Ada","tags":["vip"]}')
    expect(storedJson(customer)).toBe(first)
    expect(stringify).toHaveBeenCalledTimes(1)
  })

  it('serializes a replacing object afresh (the store replaces objects, never mutates them)', () => {
    const before = { id: 'cus_1', name: 'Ada' }
    const after = { ...before, name: 'Ada Lovelace' }
    expect([storedJson(before), storedJson(after)]).toEqual([
      '{"id":"cus_1","name":"Ada"}',
      '{"id":"cus_1","name":"Ada Lovelace"}',
    ])
  })

  it('serializes values that are not objects each time', () => {
    expect([storedJson(null), storedJson('x'), storedJson(3)]).toEqual(['null', '"x"', '3'])
  })
})

describe('pageJson', () => {
  it('gives exactly what JSON.stringify gives for any list page', () => {
    const page = fc.record({
      object: fc.constant('list' as const),
      data: fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 5 }),
      has_more: fc.boolean(),
      next_cursor: fc.option(fc.string(), { nil: null }),
    })
    fc.assert(
      fc.property(page, (p) => pageJson(p) === JSON.stringify(p)),
      { numRuns: 500 },
    )
  })

  it('reuses the JSON of items it has serialized before', () => {
    const items = [{ id: 'cus_1' }, { id: 'cus_2' }]
    expect(pageJson({ object: 'list', data: items, has_more: true, next_cursor: 'cus_2' })).toBe(
      '{"object":"list","data":[{"id":"cus_1"},{"id":"cus_2"}],"has_more":true,"next_cursor":"cus_2"}',
    )
    const stringify = vi.spyOn(JSON, 'stringify')
    expect(pageJson({ object: 'list', data: items, has_more: false, next_cursor: null })).toBe(
      '{"object":"list","data":[{"id":"cus_1"},{"id":"cus_2"}],"has_more":false,"next_cursor":null}',
    )
    // Only the cursor is serialized again.
    expect(stringify).toHaveBeenCalledTimes(1)
  })
})
