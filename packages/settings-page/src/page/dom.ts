/** A child of {@link h}: nodes, text, or nothing (`null`, `undefined`, `false` are skipped), nested freely. */
export type Child = Node | string | number | null | undefined | false | readonly Child[]

/** Attributes and `on…` listeners of {@link h}. `true` sets an empty attribute; `false`/`null`/`undefined` omit it. */
export type Props = Record<string, unknown>

/** Properties that must be set on the element, not as attributes, to take effect after creation. */
const liveProperties = new Set(['value', 'checked', 'disabled', 'indeterminate'])

/**
 * Creates an element. Text is always inserted as text, never parsed as HTML, so values from the API are safe.
 *
 * @example
 * ```ts
 * h('button', { type: 'button', onclick: () => save() }, 'Save')
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [key, value] of Object.entries(props ?? {})) {
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value as EventListener)
    } else if (liveProperties.has(key)) {
      ;(element as unknown as Record<string, unknown>)[key] = value
    } else if (value === true) {
      element.setAttribute(key, '')
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(key, String(value))
    }
  }
  append(element, children)
  return element
}

/**
 * Appends children (see {@link Child}) to a node.
 *
 * @example
 * ```ts
 * append(list, items.map((item) => h('li', null, item.name)))
 * ```
 */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(parent, child)
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)))
  }
}

/**
 * Replaces every child of a node.
 *
 * @example
 * ```ts
 * replaceChildren(tbody, rows)
 * ```
 */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren()
  append(parent, children)
}

let counter = 0

/**
 * A document-unique id, for `for`/`aria-describedby` pairs.
 *
 * @example
 * ```ts
 * const id = uid('name') // 'name-7'
 * ```
 */
export function uid(prefix: string): string {
  counter += 1
  return `${prefix}-${counter}`
}
