import { createReferenceServer } from '@octopuspro/reference-server'
import { alternate, type Bench, size } from '../lib/bench.js'
import { opsPerSecond } from '../lib/rate.js'
import { type Measurement, measurement, ratioGoal } from '../lib/result.js'

/** Restores per call of the timed task: one restore of the demo seed takes about a millisecond. */
const RESTORES_PER_CALL = 10

interface Contender {
  name: string
  role: 'ours' | 'peer'
  batch: number
  task: () => unknown
}

/**
 * snapshot-restore: how fast a test gets the demo seed back. Ours: `server.restore(snapshot)` of a snapshot taken
 * right after seeding; the alternative a test has without it: a fresh `createReferenceServer({ seed: 'demo' })`
 * (closed again). The 5 ms goal for one restore is an absolute time, so it is reported beside the ratio,
 * for information.
 */
export const snapshotRestoreBench: Bench = {
  name: 'snapshot-restore',
  description: 'the demo seed back: server.restore(snapshot) vs a fresh createReferenceServer({ seed: "demo" })',
  async run(settings) {
    const server = createReferenceServer({ seed: 'demo' })
    const snapshot = server.snapshot()
    const customers = snapshot.tables.customers?.length ?? 0
    if (customers !== 200) throw new Error(`the demo seed's snapshot has ${customers} customers, not 200`)
    const contenders: Contender[] = [
      {
        name: 'server.restore(snapshot)',
        role: 'ours',
        batch: RESTORES_PER_CALL,
        task: () => {
          for (let i = 0; i < RESTORES_PER_CALL; i++) server.restore(snapshot)
        },
      },
      {
        name: 'fresh createReferenceServer',
        role: 'peer',
        batch: 1,
        task: () => createReferenceServer({ seed: 'demo' }).close(),
      },
    ]
    try {
      const rounds = await alternate(contenders, settings.rounds, (c) =>
        opsPerSecond(c.task, settings, { batch: c.batch, time: 2000 }),
      )
      const [ours, peer] = contenders.map((c) => measurement(c.name, c.role, 'demo states/s', rounds.get(c.name)!)) as [
        Measurement,
        Measurement,
      ]
      return {
        bench: 'snapshot-restore',
        description: this.description,
        settings: { rounds: settings.rounds, timeMs: size(settings, 2000, 0), restoresPerCall: RESTORES_PER_CALL },
        cases: [
          {
            name: 'snapshot-restore demo seed',
            measurements: [ours, peer],
            goals: [ratioGoal(ours, peer, 10)],
            details: {
              'ms per restore (issue goal < 5 ms, for information)': 1000 / ours.median,
              'ms per fresh server': 1000 / peer.median,
              'objects in the snapshot': Object.values(snapshot.tables).reduce((sum, rows) => sum + rows.length, 0),
            },
          },
        ],
      }
    } finally {
      await server.close()
    }
  },
}
