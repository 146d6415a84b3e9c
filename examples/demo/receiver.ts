import type { Server } from 'node:http'
import { expressWebhooks, memoryDedupe, Webhooks } from '@octopuspro/webhooks'
import express from 'express'
import { summarize } from './summarize.js'

/** What the receiver saw: every event it handled, and how many duplicate deliveries it ignored. */
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
    webhooks.onAny((event) => {
      tally.handled.add(event.id)
      print(`  ← ${event.type.padEnd(32)} ${summarize(event)}`)
    })
    webhooks.onError(() => print('  ✗ payment.approved handler failed (simulated outage): answered 500, OctopusPro will retry'))
    app.post('/webhooks', (req, res, next) => {
      res.on('finish', () => {
        if (res.statusCode === 200) {
          tally.duplicatesIgnored++
          print(`  ≡ duplicate delivery of ${req.header('webhook-id')} ignored (already handled)`)
        }
      })
      next()
    }, expressWebhooks(webhooks))
  }

  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    tally,
    mount,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  }
}
