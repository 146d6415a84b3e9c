/** Reads one request header by its lower-case name; `undefined` when absent. */
export type HeaderLookup = (name: string) => string | undefined

/**
 * Request headers as a `Headers` object or a plain record (Node's `req.headers`, any casing).
 *
 * @example `await webhooks.verify(body, req.headers)`
 */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>

/** Joins a Node header value the way `Headers` does. */
export function headerValue(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' || value === undefined ? value : value.join(', ')
}

/** A lookup over either kind of headers; a record is searched case-insensitively. */
export function headerLookup(headers: WebhookHeaders): HeaderLookup {
  if (typeof (headers as Headers).get === 'function') {
    return (name) => (headers as Headers).get(name) ?? undefined
  }
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>
  return (name) => {
    if (name in record) return headerValue(record[name])
    const key = Object.keys(record).find((k) => k.toLowerCase() === name)
    return key === undefined ? undefined : headerValue(record[key])
  }
}
