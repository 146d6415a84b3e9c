import { OctopusPro } from '@octopuspro/client'

const op = new OctopusPro()
// #region subscribe
// the settings page's search box
const [bookingCreated] = (await op.webhookEventTypes.list({ search: 'booking created' })).data
const endpoint = await op.webhooks.create({
  name: 'My app',
  url: 'http://127.0.0.1:3000/webhooks/octopuspro',
  event_types: [bookingCreated!.type],
})
console.log(endpoint.secret) // whsec_… — give it to your receiver as OCTOPUSPRO_WEBHOOK_SECRET

// #endregion subscribe

export { endpoint }
