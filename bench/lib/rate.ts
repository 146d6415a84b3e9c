import { Bench } from 'tinybench'
import type { Settings } from './bench.js'

/** Options of {@link opsPerSecond}. */
export interface RateOptions {
  /** How many operations one call of the task does (a batch amortizes the harness's own cost). */
  batch?: number
  /** Time budget of a full-run measurement, in ms. */
  time?: number
}

/**
 * Operations per second of `task`, timed by tinybench (warmed up, at least 64 calls and `time` ms in a full run;
 * 10 calls, no warmup, in a smoke run). Throws when the task throws: a bench never times failures.
 */
export async function opsPerSecond(
  task: () => unknown,
  settings: Settings,
  { batch = 1, time = 1000 }: RateOptions = {},
): Promise<number> {
  const bench = new Bench(
    settings.smoke ? { iterations: 10, time: 0, warmup: false, throws: true } : { time, warmupTime: 250, throws: true },
  )
  bench.add('task', task)
  await bench.run()
  const result = bench.tasks[0]!.result
  if (result.state !== 'completed') throw new Error(`tinybench ended in state ${result.state}`)
  return (batch * 1000) / result.period
}
