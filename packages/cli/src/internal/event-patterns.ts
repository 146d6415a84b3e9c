import { type EventType, eventTypes } from '@octopuspro/contract'
import { usageError } from './cli-error.js'

const known = new Set<string>(eventTypes)

/** An event type the contract knows, or a `usage` error that suggests the closest ones. */
export function checkEventType(name: string, option: string): EventType {
  if (known.has(name)) return name as EventType
  const [category] = name.split('.')
  const near = eventTypes.filter((type) => type.startsWith(`${category}.`))
  const hint = near.length > 0 ? `${category} has ${near.join(', ')}` : 'run octopuspro trigger --help for the list'
  usageError(`${option} '${name}' is not an event type; ${hint}`)
}

/**
 * The endpoint subscription of `--events`: a comma-separated list of event types, categories (`booking.*`) or
 * `*`, expanded to the contract's types (`['*']` stays as is).
 *
 * @example
 * ```ts
 * parseEventPatterns('booking.*,payment.approved')
 * // ['booking.created', 'booking.deleted', 'booking.updated', 'payment.approved']
 * ```
 */
export function parseEventPatterns(list: string): ['*'] | EventType[] {
  const patterns = list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
  if (patterns.length === 0) usageError("--events is empty; pass event types such as 'booking.*,payment.approved'")
  if (patterns.includes('*')) return ['*']
  const types = patterns.flatMap((pattern) => {
    if (!pattern.endsWith('.*')) return [checkEventType(pattern, '--events')]
    const matching = eventTypes.filter((type) => type.startsWith(pattern.slice(0, -1)))
    if (matching.length === 0)
      usageError(`--events '${pattern}' matches no event type; the categories are ${categories().join(', ')}`)
    return matching
  })
  return [...new Set(types)]
}

function categories(): string[] {
  return [...new Set(eventTypes.map((type) => `${type.split('.')[0]}.*`))]
}
