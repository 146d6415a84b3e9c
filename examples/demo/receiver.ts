import type { Server } from 'node:http'
import { expressWebhooks, memoryDedupe, Webhooks } from '@octopuspro/webhooks'
import express from 'express'
import { summarize } from './summarize.js'

/** What the receiver answered: events handled (204), duplicates ignored (200) and simulated failures (500). */
export interface ReceiverTally {
  handled: Set<string>
  duplicatesIgnored: number
  failuresSimulated: number
}

/**
 * An Express app receiving OctopusPro webhooks: verify, dedupe, print one line per event. The first
 * `payment.approved` fails on purpose (a simulated outage of the finance system), so the sender retries it.
 */
export async function startReceiver(print: (line: string) => void) {
  const app = express()
  const http: Server = await new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server))
  })
  const { port } = http.address() as { port: number }
  const tally: ReceiverTally = { handled: new Set(), duplicatesIgnored: 0, failuresSimulated: 0 }

  function mount(secret: string) {
    const webhooks = new Webhooks({ secret, dedupe: memoryDedupe() })
    webhooks.on('payment.approved', () => {
      if (tally.failuresSimulated === 0) {
        tally.failuresSimulated++
        throw new Error('finance system unavailable (simulated)')
      }
    })
    webhooks.onAny((event) => print(`  ← ${event.type.padEnd(32)} ${summarize(event)}`))
    webhooks.onError(() =>
      print('  ✗ payment.approved handler failed (simulated outage): answered 500, OctopusPro will retry'),
    )
    // Reads the receiver's answers: 204 handled, 200 duplicate ignored by the dedupe store.
    const countAnswers: express.RequestHandler = (req, res, next) => {
      const id = req.header('webhook-id') ?? ''
      res.on('finish', () => {
        if (res.statusCode === 204) tally.handled.add(id)
        if (res.statusCode === 200) {
          tally.duplicatesIgnored++
          print(`  ≡ duplicate delivery of ${id} ignored (already handled)`)
        }
      })
      next()
    }
    app.post('/webhooks', countAnswers, expressWebhooks(webhooks))
  }

  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    tally,
    mount,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  }
}
