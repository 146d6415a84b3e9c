import { describe, expect, it } from 'vitest'
import { manualClock, systemClock } from '../../src/clock.js'

const START = Date.parse('2026-11-27T10:00:00.000Z')

describe('manualClock', () => {
  it('has bound methods, so they can be passed around', async () => {
    const { now, advance, setTimeout: schedule } = manualClock(1_000)
    let fired = 0
    schedule(() => fired++, 10)
    await advance(10)
    expect({ now: now(), fired }).toEqual({ now: 1_010, fired: 1 })
  })

  it('starts at the given time and moves only when told to', async () => {
    const clock = manualClock('2026-11-27T10:00:00.000Z')
    expect(clock.now()).toBe(START)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(clock.now()).toBe(START)
    await clock.advance(1500)
    expect(clock.now()).toBe(START + 1500)
    await clock.set(new Date(START + 60_000))
    expect(clock.now()).toBe(START + 60_000)
  })

  it('fires the timers due within the window in time order, including those fired timers schedule', async () => {
    const clock = manualClock(START)
    const fired: string[] = []
    clock.setTimeout(() => fired.push(`c@${clock.now() - START}`), 300)
    clock.setTimeout(() => {
      fired.push(`a@${clock.now() - START}`)
      clock.setTimeout(() => fired.push(`a2@${clock.now() - START}`), 150)
    }, 100)
    clock.setTimeout(() => fired.push(`b@${clock.now() - START}`), 200)
    clock.setTimeout(() => fired.push(`late@${clock.now() - START}`), 301)
    await clock.advance(300)
    expect(fired).toEqual(['a@100', 'b@200', 'a2@250', 'c@300'])
    expect(clock.pendingTimers).toBe(1)
    await clock.advance(1)
    expect(fired.at(-1)).toBe('late@301')
    expect(clock.pendingTimers).toBe(0)
  })

  it('fires timers due at the same instant in the order they were set', async () => {
    const clock = manualClock(START)
    const fired: number[] = []
    for (const n of [1, 2, 3]) clock.setTimeout(() => fired.push(n), 50)
    await clock.advance(50)
    expect(fired).toEqual([1, 2, 3])
  })

  it('waits for the async work a fired timer starts, with time held at the timer', async () => {
    const clock = manualClock(START)
    const log: string[] = []
    clock.setTimeout(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      log.push(`work done at +${clock.now() - START}`)
      clock.setTimeout(() => log.push(`follow-up at +${clock.now() - START}`), 10)
    }, 100)
    await clock.advance(1000)
    expect(log).toEqual(['work done at +100', 'follow-up at +110'])
    expect(clock.now()).toBe(START + 1000)
  })

  it('rejects advance when the work of a fired timer fails', async () => {
    const clock = manualClock(START)
    clock.setTimeout(() => Promise.reject(new Error('boom')), 10)
    await expect(clock.advance(10)).rejects.toThrow('boom')
  })

  it('runs a timer that is already due on the next tick, without advancing', async () => {
    const clock = manualClock(START)
    let fired = false
    clock.setTimeout(() => {
      fired = true
    }, 0)
    expect(fired).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(fired).toBe(true)
    expect(clock.now()).toBe(START)
  })

  it('advance(0) waits for work started by already-due timers', async () => {
    const clock = manualClock(START)
    let done = false
    clock.setTimeout(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      done = true
    }, 0)
    await clock.advance(0)
    expect(done).toBe(true)
  })

  it('never fires a cleared timer', async () => {
    const clock = manualClock(START)
    let fired = 0
    const handle = clock.setTimeout(() => fired++, 10)
    clock.setTimeout(() => fired++, 20)
    clock.clearTimeout(handle)
    clock.clearTimeout(handle)
    clock.clearTimeout(undefined)
    expect(clock.pendingTimers).toBe(1)
    await clock.advance(100)
    expect(fired).toBe(1)
  })

  it('refuses to move backwards and refuses non-times, saying what to pass', async () => {
    const clock = manualClock(START)
    await expect(clock.set(START - 1)).rejects.toThrow(/only moves forward/)
    await expect(clock.advance(-5)).rejects.toThrow(RangeError)
    await expect(clock.advance(Number.NaN)).rejects.toThrow(/milliseconds ≥ 0/)
    expect(() => manualClock('yesterday')).toThrow(/ISO string/)
  })

  it('defaults to the current real time', () => {
    const before = Date.now()
    const now = manualClock().now()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })
})

describe('systemClock', () => {
  it('reads Date.now and runs real timers that can be cleared', async () => {
    const before = Date.now()
    expect(systemClock.now()).toBeGreaterThanOrEqual(before)
    const fired: string[] = []
    const cleared = systemClock.setTimeout(() => fired.push('cleared'), 1)
    systemClock.clearTimeout(cleared)
    await new Promise<void>((resolve) => systemClock.setTimeout(() => resolve(), 5))
    expect(fired).toEqual([])
  })
})
