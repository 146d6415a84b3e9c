import { alternate, type Bench } from '../lib/bench.js'
import { startChild } from '../lib/child.js'
import { eventOfSize, signedDelivery } from '../lib/events.js'
import { loadTestChild } from '../lib/http-load.js'
import { measurement, median, type Role, ratioGoal } from '../lib/result.js'

/**
 * receiver-http: signed 1 KB deliveries per second through one Express 5 app (its own process), autocannon over
 * loopback: `expressWebhooks` (verify, parse, validate, dispatch to a handler) against a hand-written raw-body +
 * node:crypto route.
 */
export const receiverHttpBench: Bench = {
  name: 'receiver-http',
  description:
    'Express + expressWebhooks vs the same Express app with a hand-written raw-body + node:crypto route (autocannon)',
  async run(settings) {
    const receiver = await startChild<{ url: string; secret: string }>(
      new URL('../processes/express-receiver.ts', import.meta.url),
    )
    try {
      const event = eventOfSize(1024)
      const contenders: { name: string; role: Role; path: string }[] = [
        { name: 'expressWebhooks', role: 'ours', path: '/ours' },
        { name: 'hand-written route', role: 'floor', path: '/floor' },
      ]
      // Signed afresh for every run, so no run outlives the 5-minute timestamp tolerance.
      const load = async (path: string, duration: number) => {
        const { body, headers } = await signedDelivery(event, receiver.ready.secret)
        const request = {
          url: `${receiver.ready.url}${path}`,
          method: 'POST' as const,
          headers: { ...headers, 'content-type': 'application/json' },
          body: body.toString(),
        }
        return loadTestChild(receiver, request, settings, { duration })
      }
      if (!settings.smoke) for (const contender of contenders) await load(contender.path, 2)
      const cpu = new Map<string, number[]>(contenders.map((c) => [c.name, []]))
      const rounds = await alternate(contenders, settings.rounds, async (contender) => {
        const result = await load(contender.path, 5)
        cpu.get(contender.name)!.push(result.cpuMicrosPerRequest)
        return result.requestsPerSecond
      })
      const [ours, floor] = contenders.map((c) => measurement(c.name, c.role, 'req/s', rounds.get(c.name)!)) as [
        ReturnType<typeof measurement>,
        ReturnType<typeof measurement>,
      ]
      const handled = await receiver.request<number>('handled')
      return {
        bench: 'receiver-http',
        description: this.description,
        settings: {
          rounds: settings.rounds,
          connections: settings.smoke ? 2 : 32,
          durationSeconds: 5,
          bodyBytes: JSON.stringify(event).length,
        },
        cases: [
          {
            name: 'receiver-http 1 KB',
            measurements: [ours, floor],
            goals: [ratioGoal(ours, floor, 0.85)],
            details: {
              'deliveries handled': handled,
              ...Object.fromEntries(contenders.map((c) => [`server CPU µs/req, ${c.name}`, median(cpu.get(c.name)!)])),
            },
          },
        ],
      }
    } finally {
      await receiver.close()
    }
  },
}
