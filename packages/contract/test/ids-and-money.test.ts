import { describe, expect, it } from 'vitest'
import { createIdGenerator, sequentialIds } from '../src/ids/index.js'
import { computeTotals, Id } from '../src/index.js'

describe('createIdGenerator', () => {
  it('makes prefixed ids that sort in creation order, even within one millisecond', () => {
    let now = 1_764_237_600_000
    const next = createIdGenerator({ now: () => now })
    const ids = Array.from({ length: 1000 }, (_, i) => {
      if (i % 100 === 0) now += 1
      return next('customer')
    })
    expect(ids.every((id) => /^cus_[0-9a-z]{26}$/.test(id))).toBe(true)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(1000)
    expect(ids.every((id) => Id('customer').safeParse(id).success)).toBe(true)
  })

  it('stays monotonic when the clock goes backwards', () => {
    let now = 2_000
    const next = createIdGenerator({ now: () => now })
    const a = next('event')
    now = 1_000
    const b = next('event')
    expect(b > a).toBe(true)
  })

  it('draws fresh randomness every millisecond, across refills of its pool', () => {
    let now = 1_764_237_600_000
    const next = createIdGenerator({ now: () => now++ })
    // 16 bytes per millisecond: 600 ids go through the 4 KiB pool more than twice.
    const randomParts = Array.from({ length: 600 }, () => next('request').slice(-16))
    expect(new Set(randomParts).size).toBe(600)
  })

  it('is deterministic with injected randomness', () => {
    const opts = { now: () => 0, randomBytes: (b: Uint8Array) => b.fill(1) }
    expect(createIdGenerator(opts)('booking')).toBe(createIdGenerator(opts)('booking'))
  })
})

describe('sequentialIds', () => {
  it('counts across kinds', () => {
    const next = sequentialIds()
    expect(next('customer')).toBe('cus_0000000000000000000001')
    expect(next('webhook_delivery')).toBe('dlv_0000000000000000000002')
  })
})

describe('computeTotals', () => {
  it('rounds half up per line', () => {
    expect(computeTotals([{ description: 'a', quantity: 1.5, unit_amount: 999, tax_rate: 10 }])).toEqual({
      subtotal: 1499,
      tax: 150,
      total: 1649,
    })
    // 0.5 of a cent on each of two lines rounds up twice.
    expect(
      computeTotals([
        { description: 'a', quantity: 0.5, unit_amount: 1 },
        { description: 'b', quantity: 0.5, unit_amount: 1 },
      ]),
    ).toEqual({ subtotal: 2, tax: 0, total: 2 })
    // 1.005 × 100 is 100.49999… in floating point; it must still round as 100.5.
    expect(computeTotals([{ description: 'a', quantity: 1.005, unit_amount: 100 }]).subtotal).toBe(101)
    expect(computeTotals([{ description: 'a', quantity: 3, unit_amount: 333, tax_rate: 8.25 }])).toEqual({
      subtotal: 999,
      tax: 82,
      total: 1081,
    })
  })

  it('agrees with exact integer rounding for quantities with up to three decimals', () => {
    const mismatches: string[] = []
    for (let thousandths = 1; thousandths <= 5000; thousandths++) {
      for (const unit of [1, 3, 7, 99, 999, 1999, 12345]) {
        const exact = Math.floor((thousandths * unit * 2 + 1000) / 2000) // round half up of thousandths × unit / 1000
        const { subtotal } = computeTotals([{ description: 'x', quantity: thousandths / 1000, unit_amount: unit }])
        if (subtotal !== exact) mismatches.push(`${thousandths / 1000} × ${unit}: ${subtotal} ≠ ${exact}`)
      }
    }
    expect(mismatches).toEqual([])
  })

  it('is zero for free items', () => {
    expect(computeTotals([{ description: 'a', quantity: 2, unit_amount: 0, tax_rate: 20 }])).toEqual({
      subtotal: 0,
      tax: 0,
      total: 0,
    })
  })
})
