import type { Routes, WebhookDelivery } from '@octopuspro/contract'
import { resourceMissing } from '../api-error.js'
import type { Handler } from './types.js'

function found(delivery: WebhookDelivery | undefined, id: string): WebhookDelivery {
  if (!delivery) throw resourceMissing('webhook delivery', id, '/webhooks/{id}/deliveries')
  return delivery
}

const get: Handler<Routes['webhookDeliveries']['get']> = ({ id, call }) => found(call.deliveries.get(id), id)

/** Queues a fresh attempt of any delivery (succeeded ones too: a receiver may have lost the event). */
const redeliver: Handler<Routes['webhookDeliveries']['redeliver']> = ({ id, call }) =>
  found(call.deliveries.redeliver(id), id)

export const webhookDeliveryHandlers = { get, redeliver }
