import { type EventType, eventCatalog, searchEventTypes } from '@octopuspro/contract'
import { eventCategories } from './catalog.js'
import { h, uid } from './dom.js'
import { errorSlot } from './fields.js'
import { humanize } from './format.js'

/** The picker's value: chosen event types, or `['*']` for every type including ones added later. */
export type Subscription = EventType[] | ['*']

/**
 * "Event Types to Subscribe": the catalog's event types grouped by category, a search box filtering by name,
 * category or description (the contract's `searchEventTypes`, the same function the API's search uses),
 * "Select All Visible" / "Clear Visible", and a switch for all types (`*`). Choices survive a new search.
 *
 * @example
 * ```ts
 * const picker = eventTypePicker(endpoint.event_types); form.append(picker.element); picker.value()
 * ```
 */
export function eventTypePicker(initial: readonly string[]) {
  const all = initial.includes('*')
  const boxes = new Map<EventType, HTMLInputElement>()
  const items = new Map<EventType, HTMLElement>()
  const count = h('p', { class: 'picker-count', role: 'status' })
  const noMatch = h('p', { class: 'empty-title', hidden: true })
  const search = h('input', {
    type: 'search',
    id: uid('event-search'),
    placeholder: 'payment, invoice, call…',
    autocomplete: 'off',
  })

  const groups = eventCategories().map(([category, entries]) => {
    const fieldset = h(
      'fieldset',
      { class: 'event-group' },
      h('legend', null, `${humanize(category)} Events`),
      entries.map((entry) => {
        const box = h('input', {
          type: 'checkbox',
          value: entry.type,
          checked: !all && initial.includes(entry.type),
          onchange: updateCount,
        })
        boxes.set(entry.type, box)
        const item = h(
          'label',
          { class: 'event-type' },
          box,
          h(
            'span',
            null,
            h('span', { class: 'event-name' }, entry.name),
            ' ',
            h('code', null, entry.type),
            h('span', { class: 'event-description' }, entry.description),
          ),
        )
        items.set(entry.type, item)
        return item
      }),
    )
    return { fieldset, entries }
  })

  const everything = h('input', { type: 'checkbox', checked: all, onchange: updateDisabled })
  const list = h(
    'div',
    { class: 'event-groups' },
    groups.map((group) => group.fieldset),
  )
  const tools = h(
    'div',
    { class: 'picker-tools' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: search.id }, 'Search event types'),
      search,
      h('p', { class: 'hint' }, 'Matches name, category or description.'),
    ),
    h(
      'div',
      { class: 'inline' },
      h('button', { type: 'button', onclick: () => setVisible(true) }, 'Select All Visible'),
      h('button', { type: 'button', onclick: () => setVisible(false) }, 'Clear Visible'),
    ),
  )

  search.addEventListener('input', filter)
  // Enter in the search box must not submit the whole form.
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault()
  })

  const element = h(
    'fieldset',
    { class: 'picker', 'data-param': 'event_types' },
    h('legend', null, 'Event Types to Subscribe'),
    errorSlot(),
    h(
      'label',
      { class: 'all-types' },
      everything,
      h('span', null, 'All event types (', h('code', null, '*'), '), including ones added later'),
    ),
    tools,
    count,
    noMatch,
    list,
  )

  function visibleTypes(): EventType[] {
    return searchEventTypes(search.value).map((entry) => entry.type)
  }

  function filter(): void {
    const visible = new Set<EventType>(visibleTypes())
    for (const [type, item] of items) item.hidden = !visible.has(type)
    for (const group of groups) group.fieldset.hidden = !group.entries.some((entry) => visible.has(entry.type))
    noMatch.textContent = `No event type matches “${search.value.trim()}”.`
    noMatch.hidden = visible.size > 0
    updateCount()
  }

  function setVisible(checked: boolean): void {
    for (const type of visibleTypes()) {
      const box = boxes.get(type)
      if (box) box.checked = checked
    }
    updateCount()
  }

  function updateCount(): void {
    const chosen = [...boxes.values()].filter((box) => box.checked).length
    const shown = visibleTypes().length
    count.textContent = everything.checked
      ? `All ${eventCatalog.length} event types, and any added later.`
      : `${chosen} of ${eventCatalog.length} selected${shown < eventCatalog.length ? ` · ${shown} shown` : ''}`
  }

  function updateDisabled(): void {
    for (const control of [search, ...tools.querySelectorAll('button'), ...boxes.values()])
      control.disabled = everything.checked
    list.classList.toggle('muted', everything.checked)
    updateCount()
  }

  updateDisabled()
  return {
    element,
    /** The chosen subscription. */
    value(): Subscription {
      if (everything.checked) return ['*']
      return [...boxes].filter(([, box]) => box.checked).map(([type]) => type)
    },
  }
}
