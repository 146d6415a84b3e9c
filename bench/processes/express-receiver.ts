/**
 * One Express 5 app with two webhook routes: `/ours` is `expressWebhooks` with a handler for every event, `/floor`
 * is the hand-written route (raw body, node:crypto verification, `JSON.parse`, 204).
 */
import type { AddressInfo } from 'node:net'
import { generateWebhookSecret } from '@octopuspro/contract'
import { expressWebhooks, Webhooks } from '@octopuspro/webhooks'
import express from 'express'
import { serveParent } from '../lib/child.js'
import { floorVerifier } from '../lib/floor-verify.js'

const secret = generateWebhookSecret()
const webhooks = new Webhooks({ secret })
let handled = 0
webhooks.onAny(() => {
  handled++
})
const verify = floorVerifier(secret)

const app = express()
app.post('/ours', expressWebhooks(webhooks))
app.post('/floor', (req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    try {
      verify(Buffer.concat(chunks), req.headers)
      handled++
      res.status(204).end()
    } catch {
      res.status(401).end()
    }
  })
})
const server = app.listen(0, '127.0.0.1', () => {
  serveParent({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, secret }, () => handled)
})
