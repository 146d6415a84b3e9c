import { type Routes, searchEventTypes, type WebhookEvent } from '@octopuspro/contract'
import { resourceMissing } from '../api-error.js'
import { listPredicate, type TimeOf } from '../store/filters.js'
import { paginate } from '../store/paginate.js'
import type { Handler } from './types.js'

/** Events never change, so both time windows read `timestamp`. */
const eventTime: TimeOf<WebhookEvent> = { created: (event) => event.timestamp, updated: (event) => event.timestamp }

const list: Handler<Routes['events']['list']> = ({ query, call }) =>
  paginate(call.state.events, query, listPredicate(query, {}, eventTime), 'evt')

const get: Handler<Routes['events']['get']> = ({ id, call }) => {
  const event = call.state.events.get(id)
  if (!event) throw resourceMissing('event', id, '/events')
  return event
}

export const eventHandlers = { list, get }

const listTypes: Handler<Routes['webhookEventTypes']['list']> = ({ query }) => ({
  object: 'list',
  data: searchEventTypes(query.search, query.category).map((entry) => ({ object: 'webhook_event_type', ...entry })),
  has_more: false,
  next_cursor: null,
})

export const eventTypeHandlers = { list: listTypes }
