import { describe, expect, it } from 'vitest'
import { storedJson } from '../../src/internal/http/serialize.js'

describe('storedJson', () => {
  it('serializes an object once and answers the same text for it after', () => {
    const customer = { id: 'cus_1', name: 'Ada', tags: ['vip'] }
    const first = storedJson(customer)
    expect(first).toBe(JSON.stringify(customer))
    expect(storedJson(customer)).toBe(first)
  })

  it('serializes a replacing object afresh (the store replaces objects, never mutates them)', () => {
    const before = { id: 'cus_1', name: 'Ada' }
    const after = { ...before, name: 'Ada Lovelace' }
    expect([storedJson(before), storedJson(after)]).toEqual(['{"id":"cus_1","name":"Ada"}', '{"id":"cus_1","name":"Ada Lovelace"}'])
  })

  it('serializes values that are not objects each time', () => {
    expect([storedJson(null), storedJson('x'), storedJson(3)]).toEqual(['null', '"x"', '3'])
  })
})
