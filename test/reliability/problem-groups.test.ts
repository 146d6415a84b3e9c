import { describe, expect, it } from 'vitest'
import { ProblemGroups } from './helpers/problem-groups.js'

describe('ProblemGroups (the fuzz suites count what they found wrong with it)', () => {
  it('counts problems per kind and keeps the first example of each', () => {
    const groups = new ProblemGroups()
    expect([groups.count, groups.report()]).toEqual([0, ''])
    groups.add('401 ← no fault: wrong status', () => 'POST first')
    groups.add('401 ← no fault: wrong status', () => 'POST second')
    groups.add('500 ← gzip: crashed', () => 'POST gzip')
    expect(groups.count).toBe(3)
    expect(groups.report()).toBe(
      '2× 401 ← no fault: wrong status\n    e.g. POST first\n1× 500 ← gzip: crashed\n    e.g. POST gzip',
    )
  })

  it('takes in the groups of another run under a prefix', () => {
    const all = new ProblemGroups()
    const door = new ProblemGroups()
    door.add('crashed', () => 'GET /')
    all.addAll(door, 'express 5: ')
    expect([all.count, all.report()]).toEqual([1, '1× express 5: crashed\n    e.g. GET /'])
  })
})
