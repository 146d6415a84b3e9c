import { type Child, h } from './dom.js'

/**
 * A data table whose cells carry their column's name, so that on narrow screens each row reads as a card of
 * "label: value" lines (see styles.css).
 *
 * @example
 * ```ts
 * const table = dataTable('API keys', ['Name', 'Mode'])
 * table.body.append(table.row([key.name, key.mode]))
 * ```
 */
export function dataTable(caption: string, columns: readonly string[]) {
  const body = h('tbody')
  const element = h(
    'table',
    { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        columns.map((column) => h('th', { scope: 'col' }, column)),
      ),
    ),
    body,
  )
  return {
    element,
    body,
    /** A row with one cell per column, in column order. */
    row(cells: readonly Child[], attributes?: Record<string, unknown>): HTMLTableRowElement {
      return h(
        'tr',
        attributes,
        cells.map((cell, i) => h('td', { 'data-label': columns[i] }, h('div', { class: 'cell' }, cell))),
      )
    },
  }
}
