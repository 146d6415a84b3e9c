// app/api/webhooks/octopuspro/route.ts in a Next.js (App Router) project.
import { Webhooks } from '@octopuspro/webhooks'

/** Stand-in for what the handlers would do (a database write, a queue message…). */
export const bookingsReceived: string[] = []

// #region nextjs
const webhooks = new Webhooks({ secret: process.env.OCTOPUSPRO_WEBHOOK_SECRET! })

webhooks.on('booking.created', async (event) => {
  bookingsReceived.push(event.data.id)
})

export const POST = webhooks.handle // reads the Request body raw: no body parser to turn off
// #endregion nextjs
