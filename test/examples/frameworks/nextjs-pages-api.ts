// pages/api/webhooks/octopuspro.ts in a Next.js project on the Pages Router.
import { nodeWebhooks, Webhooks } from '@octopuspro/webhooks'

/** Stand-in for what the handlers would do. */
export const bookingsReceived: string[] = []

// #region nextjs-pages
const webhooks = new Webhooks({ secret: process.env.OCTOPUSPRO_WEBHOOK_SECRET! })
webhooks.on('booking.created', async (event) => {
  bookingsReceived.push(event.data.id)
})

export const config = { api: { bodyParser: false } } // the signature covers the raw body
export default nodeWebhooks(webhooks)
// #endregion nextjs-pages
