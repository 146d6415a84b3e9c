import type { OctopusPro } from '@octopuspro/client'
import { type EventType, eventCatalog } from '@octopuspro/contract'
import { CliError } from '../internal/cli-error.js'
import { commonUsage, parseCommandLine } from '../internal/command-line.js'
import { withApi } from '../internal/connection.js'
import { checkEventType } from '../internal/event-patterns.js'
import { createOutput } from '../internal/output.js'
import { type TriggerStep, triggerRecipes } from './trigger-recipes.js'

const width = Math.max(...eventCatalog.map((entry) => entry.type.length))

/** The usage text of `octopuspro trigger`, with every event type it can cause. */
export const triggerUsage = `Usage: octopuspro trigger <event-type> [<event-type> …] [options]

Makes the API calls that really cause each event (trigger payment.approved creates a customer, an invoice and a
payment and approves it) and prints the objects and the event's id.

Options:
${commonUsage}

Event types:
${eventCatalog.map((entry) => `  ${entry.type.padEnd(width)}  ${entry.description}`).join('\n')}`

/**
 * What one trigger did: the event it caused and every object on the way.
 *
 * @example
 * ```ts
 * const { event_id }: TriggerResult = await trigger(op, 'booking.created')
 * ```
 */
export interface TriggerResult {
  event_type: EventType
  event_id: string
  steps: TriggerStep[]
}

/**
 * Runs the recipe of one event type and finds the event it caused in `GET /v1/events`.
 *
 * @example
 * ```ts
 * const { event_id, steps } = await trigger(op, 'payment.approved')
 * ```
 */
export async function trigger(op: OctopusPro, type: EventType): Promise<TriggerResult> {
  const steps: TriggerStep[] = []
  const target = await triggerRecipes[type]({
    op,
    record: (step, object) => {
      steps.push({ step, object })
      return object
    },
  })
  // Server time, not ours: the first object's creation, a millisecond back because the filter is exclusive.
  const first = steps.map((s) => (s.object as { created_at?: string }).created_at).find(Boolean)
  const since = new Date(Date.parse(first ?? new Date(0).toISOString()) - 1).toISOString()
  const events = await op.events.list({ type, created_after: since }).toArray({ limit: 10_000 })
  const event = events.findLast((e) => (e.data as { id?: string }).id === target.id)
  if (!event)
    throw new CliError(
      'failed',
      `the API calls ran but no ${type} event about ${target.id} was recorded; please report it`,
    )
  return { event_type: type, event_id: event.id, steps }
}

/**
 * `octopuspro trigger <event-type…>`: causes each event through the API, one after the other.
 *
 * @example
 * ```ts
 * await triggerCommand(['payment.approved', '--json'])
 * ```
 */
export async function triggerCommand(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, {
    name: 'trigger',
    options: {},
    positionals: { min: 1, max: eventCatalog.length, what: 'an event type such as payment.approved' },
  })
  const out = createOutput(values.json === true)
  if (values.help) return out.note(triggerUsage)
  const types = positionals.map((name) => checkEventType(name, 'trigger'))
  await withApi(values, async (op) => {
    for (const type of types) {
      const result = await trigger(op, type)
      const lines = result.steps.map(({ step, object }) => `  ${step.padEnd(24)} ${object.id}`)
      out.emit([`${type} ${result.event_id}`, ...lines].join('\n'), result)
    }
  })
}
