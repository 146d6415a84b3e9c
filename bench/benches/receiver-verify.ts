import { isDeepStrictEqual } from 'node:util'
import { Webhooks } from '@octopuspro/webhooks'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { alternate, type Bench, size } from '../lib/bench.js'
import { eventOfSize, signedDelivery } from '../lib/events.js'
import { floorVerifier } from '../lib/floor-verify.js'
import { opsPerSecond } from '../lib/rate.js'
import { type BenchCase, byName, measurement, type Role, ratioGoal } from '../lib/result.js'

interface Contender {
  name: string
  role: Role
  /** Verifies and parses one delivery, returning (or resolving with) the event. */
  verify: () => unknown
  /** Whether `verify` returns a promise: only then is it awaited, so sync peers pay no microtask per call. */
  async: boolean
}

/**
 * receiver-verify: deliveries verified and parsed per second, in process. Ours also validates the event against
 * the contract's schema; the peers only verify and `JSON.parse`.
 */
export const receiverVerifyBench: Bench = {
  name: 'receiver-verify',
  description:
    'webhooks.verify (verify + parse + validate) vs standardwebhooks, svix and a node:crypto floor, 1 KB and 20 KB ' +
    'events',
  async run(settings) {
    const cases: BenchCase[] = []
    for (const bytes of [1024, 20 * 1024]) {
      const delivery = await signedDelivery(eventOfSize(bytes))
      const { body, headers, secret } = delivery
      const webhooks = new Webhooks({ secret })
      const standard = new StandardWebhook(secret)
      const svix = new SvixWebhook(secret)
      const floor = floorVerifier(secret)
      const contenders: Contender[] = [
        { name: '@octopuspro/webhooks', role: 'ours', verify: () => webhooks.verify(body, headers), async: true },
        { name: 'standardwebhooks', role: 'peer', verify: () => standard.verify(body, headers), async: false },
        { name: 'svix', role: 'peer', verify: () => svix.verify(body, headers), async: false },
        { name: 'node:crypto floor', role: 'floor', verify: () => floor(body, headers), async: false },
      ]
      for (const contender of contenders) {
        if (!isDeepStrictEqual(await contender.verify(), delivery.event))
          throw new Error(`${contender.name} did not return the event`)
      }
      const batch = bytes > 4096 ? 10 : 100
      const rounds = await alternate(contenders, settings.rounds, (contender) =>
        opsPerSecond(
          contender.async
            ? async () => {
                for (let i = 0; i < batch; i++) await contender.verify()
              }
            : () => {
                for (let i = 0; i < batch; i++) contender.verify()
              },
          settings,
          { batch },
        ),
      )
      const measurements = contenders.map((c) => measurement(c.name, c.role, 'ops/s', rounds.get(c.name)!))
      const ours = byName(measurements, '@octopuspro/webhooks')
      cases.push({
        name: `receiver-verify ${bytes / 1024} KB`,
        measurements,
        goals: [
          ratioGoal(ours, byName(measurements, 'standardwebhooks'), 2.5),
          ratioGoal(ours, byName(measurements, 'node:crypto floor'), 0.75),
        ],
        details: { 'body bytes': body.byteLength },
      })
    }
    return {
      bench: 'receiver-verify',
      description: this.description,
      settings: { rounds: settings.rounds, timeMs: size(settings, 1000, 0) },
      cases,
    }
  },
}
