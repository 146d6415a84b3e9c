import { listRoutes } from '@octopuspro/contract'

/** The URL pattern of a route-table path: `/customers/{id}` → `/v1/customers/:id`. */
export function toAppPath(path: string): string {
  return `/v1${path.replace('{id}', ':id')}`
}

const patterns: { path: RegExp; method: string }[] = [
  ...listRoutes().map(({ definition }) => ({
    path: new RegExp(`^/v1${definition.path.replace('{id}', '[^/]+')}$`),
    method: definition.method,
  })),
  { path: /^\/health$/, method: 'GET' },
  { path: /^\/openapi\.json$/, method: 'GET' },
]

/** The methods the API serves on a path (empty when no route has that path): the `Allow` of a 405. */
export function allowedMethods(pathname: string): string[] {
  return [...new Set(patterns.filter((p) => p.path.test(pathname)).map((p) => p.method))]
}
