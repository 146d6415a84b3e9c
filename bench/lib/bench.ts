import type { BenchResult } from './result.js'

/**
 * How hard to run: the full run of `pnpm bench`, or the smoke run of the test suite (tiny sizes, one round) that
 * only proves each bench still works.
 */
export interface Settings {
  smoke: boolean
  /** Rounds of alternation: every contender runs once per round, in a rotating order. */
  rounds: number
}

/** One bench of issue 7. */
export interface Bench {
  name: string
  description: string
  run(settings: Settings): Promise<BenchResult>
}

/** The full-run value, or the smoke-run one. */
export function size<T>(settings: Settings, full: T, smoke: T): T {
  return settings.smoke ? smoke : full
}

/**
 * Runs `measure` for every contender once per round, rotating who goes first, so drift in machine load touches
 * all of them alike; returns each contender's values, one per round.
 */
export async function alternate<C extends { name: string }>(
  contenders: readonly C[],
  rounds: number,
  measure: (contender: C, round: number) => Promise<number>,
): Promise<Map<string, number[]>> {
  const values = new Map<string, number[]>(contenders.map((c) => [c.name, []]))
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const contender = contenders[(i + round) % contenders.length]!
      values.get(contender.name)!.push(await measure(contender, round))
    }
  }
  return values
}
