import type { RouteEntry } from '@octopuspro/contract'

/** The URL pattern of a route-table path: `/customers/{id}` → `/v1/customers/:id`. */
export function toAppPath(path: string): string {
  return `/v1${path.replace('{id}', ':id')}`
}

/**
 * The methods the API serves on a path (empty when no route has that path), from the routes it mounts: the
 * `Allow` of a 405.
 *
 * @example
 * ```ts
 * const allowedMethods = methodsByPath(listRoutes())
 * allowedMethods('/v1/customers') // ['GET', 'POST']
 * ```
 */
export function methodsByPath(entries: readonly RouteEntry[]): (pathname: string) => string[] {
  const patterns: { path: RegExp; method: string }[] = [
    ...entries.map(({ definition }) => ({
      path: new RegExp(`^/v1${definition.path.replace('{id}', '[^/]+')}$`),
      method: definition.method,
    })),
    { path: /^\/health$/, method: 'GET' },
    { path: /^\/openapi\.json$/, method: 'GET' },
  ]
  return (pathname) => [...new Set(patterns.filter((p) => p.path.test(pathname)).map((p) => p.method))]
}
