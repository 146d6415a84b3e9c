/**
 * Renders docs/event-catalog.md from the contract's event catalog and sample events. `pnpm docs:events` writes
 * it; test/docs.test.ts fails when the committed file is out of date.
 */
import { type EventCategory, eventCatalog } from '@octopuspro/contract'
import { createSampleEvent } from '@octopuspro/contract/samples'

const categories = [...new Set(eventCatalog.map((e) => e.category))] as EventCategory[]

/** The whole markdown document. */
export function renderEventCatalog(): string {
  const lines = [
    '<!-- Generated from @octopuspro/contract by scripts/event-catalog-doc.ts; do not edit by hand. -->',
    '# Event catalog',
    '',
    `OctopusPro sends ${eventCatalog.length} event types. Subscribe an endpoint to any of them (or \`*\`); each`,
    'delivery is a POST of the event object below, signed with Standard Webhooks. `data` is the resource of the',
    "event's category; `previous_attributes` (on `*.updated` and `appointment.status_changed`) holds the old",
    'values of the fields that changed.',
    '',
    '| type | name | category | triggered when |',
    '|---|---|---|---|',
    ...eventCatalog.map(
      (e) =>
        `| [\`${e.type}\`](#${e.type.replace(/[._]/g, '')}) | ${e.name} | ${e.category} | ` +
        `${e.description.replace(/^Triggered when /, '').replace(/\.$/, '')} |`,
    ),
    '',
  ]
  for (const category of categories) {
    lines.push(`## ${category}`, '')
    for (const entry of eventCatalog.filter((e) => e.category === category)) {
      lines.push(
        `### ${entry.type}`,
        '',
        `**${entry.name}** — ${entry.description}`,
        '',
        '```json',
        JSON.stringify(createSampleEvent(entry.type), null, 2),
        '```',
        '',
      )
    }
  }
  return lines.join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs')
  writeFileSync(new URL('../docs/event-catalog.md', import.meta.url), renderEventCatalog())
}
