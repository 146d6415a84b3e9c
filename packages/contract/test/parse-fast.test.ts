import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { parseFast, routes } from '../src/index.js'
import { sampleObjects } from '../src/samples/index.js'

describe('parseFast', () => {
  const schema = routes.customers.get.response

  it('returns a valid value itself, as zod would return it', () => {
    const customer = structuredClone(sampleObjects.CUSTOMER)
    const result = parseFast(schema, customer)
    expect(result).toEqual({ success: true, data: customer })
    expect(result.success && result.data).toBe(customer)
  })

  it("returns zod's copy without the fields the contract does not know", () => {
    const result = parseFast(schema, { ...sampleObjects.CUSTOMER, loyalty_tier: 'gold' })
    expect(result).toEqual({ success: true, data: sampleObjects.CUSTOMER })
  })

  it('keeps those fields when asked to (the receiver, for a newer API version)', () => {
    const newer = { ...sampleObjects.CUSTOMER, loyalty_tier: 'gold' }
    expect(parseFast(schema, newer, { keepUnknownKeys: true })).toEqual({ success: true, data: newer })
  })

  it("returns zod's issues for an invalid value", () => {
    const invalid = { ...sampleObjects.CUSTOMER, email: 42 }
    const result = parseFast(schema, invalid)
    expect(result.success).toBe(false)
    expect(result.error?.issues).toEqual(schema.safeParse(invalid).error?.issues)
  })

  it('falls back to zod for schemas it cannot compile', () => {
    const union = z.union([z.string(), z.number()])
    expect(parseFast(union, 3)).toEqual({ success: true, data: 3 })
    expect(parseFast(union, true).success).toBe(false)
  })
})
