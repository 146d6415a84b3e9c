import { Communication, type CommunicationCreate, type EventType } from '@octopuspro/contract'
import type * as z from 'zod/mini'
import { crudHandlers, ResourceStore } from './resource-store.js'

/** the wire contract §2: which event logging a communication fires (outbound messages fire none). */
export function communicationEvent(communication: Communication): EventType | undefined {
  if (communication.channel === 'call') {
    if (communication.direction === 'outbound') return 'communication.call_made'
    return communication.call_status === 'missed' ? 'communication.call_missed' : 'communication.call_received'
  }
  if (communication.direction === 'outbound') return undefined
  return communication.channel === 'sms' ? 'communication.sms_received' : 'communication.whatsapp_received'
}

/** Communications: an immutable log; a call without `call_status` was answered; `occurred_at` defaults to now. */
export const communications = new ResourceStore<Communication, z.output<typeof CommunicationCreate>, object>({
  resource: 'communications',
  kind: 'communication',
  schema: Communication,
  compute: (body, call) => ({
    call_status: body.channel === 'call' ? (body.call_status ?? 'answered') : null,
    occurred_at: body.occurred_at ?? call.now,
  }),
  events: { created: communicationEvent },
})

const { list, create, get } = crudHandlers(communications)

export const communicationHandlers = { list, create, get }
