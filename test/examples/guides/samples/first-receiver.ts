// #region first-receiver
import { expressWebhooks, memoryDedupe, Webhooks } from '@octopuspro/webhooks'
import express from 'express'

const webhooks = new Webhooks({ secret: process.env.OCTOPUSPRO_WEBHOOK_SECRET!, dedupe: memoryDedupe() })
webhooks.on('booking.created', (event) => {
  console.log(`new booking ${event.data.id}: ${event.data.service} at ${event.data.scheduled_start}`)
})

const app = express()
app.post('/webhooks/octopuspro', expressWebhooks(webhooks)) // before express.json(): the signature covers the raw body
app.use(express.json())
const server = app.listen(Number(process.env.PORT ?? 3000))

// #endregion first-receiver

export { server }
