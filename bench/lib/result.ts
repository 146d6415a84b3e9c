/** What every bench reports: medians per contender, the goals of issue 7 as measured ratios or values. */

/** Whose number it is: ours, a library users would pick instead, or the least code that does the same job. */
export type Role = 'ours' | 'peer' | 'floor'

/** One contender's numbers: the value of every round and their median. */
export interface Measurement {
  name: string
  role: Role
  unit: string
  median: number
  rounds: number[]
}

/** A goal of issue 7 and whether the measurement meets it. */
export interface Goal {
  label: string
  measured: number
  op: '>=' | '<'
  target: number
  /** `×` for a ratio of medians, else the unit of the value. */
  unit: string
  met: boolean
}

/** One configuration of a bench (an event size, a concurrency, a store). */
export interface BenchCase {
  name: string
  measurements: Measurement[]
  goals: Goal[]
  /** Secondary numbers worth keeping (latency percentiles, counts). */
  details?: Record<string, number | string>
}

/** What one bench returns. */
export interface BenchResult {
  bench: string
  description: string
  settings: Record<string, number | string | boolean>
  cases: BenchCase[]
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values')
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export function measurement(name: string, role: Role, unit: string, rounds: readonly number[]): Measurement {
  return { name, role, unit, median: median(rounds), rounds: [...rounds] }
}

/** `ours.median / other.median ≥ target`: how many times the other's rate ours reaches. */
export function ratioGoal(ours: Measurement, other: Measurement, target: number): Goal {
  const measured = ours.median / other.median
  return { label: `${ours.name} / ${other.name}`, measured, op: '>=', target, unit: '×', met: measured >= target }
}

export function valueGoal(label: string, measured: number, op: Goal['op'], target: number, unit: string): Goal {
  return { label, measured, op, target, unit, met: op === '>=' ? measured >= target : measured < target }
}

/** Finds a contender's measurement by name; a bench that lost one is a bug of the bench. */
export function byName(measurements: readonly Measurement[], name: string): Measurement {
  const found = measurements.find((m) => m.name === name)
  if (!found) throw new Error(`no measurement named ${name}`)
  return found
}
