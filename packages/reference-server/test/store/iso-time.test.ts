import { describe, expect, it } from 'vitest'
import { isoTime } from '../../src/internal/iso-time.js'

describe('isoTime', () => {
  it('formats like Date#toISOString, for repeated and changing instants', () => {
    const instants = [
      0,
      0,
      1,
      Date.UTC(2026, 10, 27, 10),
      Date.UTC(2026, 10, 27, 10),
      Date.UTC(2026, 10, 27, 10) + 999,
      1,
      8.64e15,
    ]
    expect(instants.map(isoTime)).toEqual(instants.map((ms) => new Date(ms).toISOString()))
  })
})
