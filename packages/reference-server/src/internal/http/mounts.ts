import type { Hono } from 'hono'
import { ReferenceServerError } from '../../errors.js'
import type { MountedHandler } from '../../options.js'
import type { AppEnv } from './route-handler.js'

const validPath = /^(\/[A-Za-z0-9._~-]+)+$/
/** The server's own paths, which a mounted handler must not shadow. */
const ownPaths = ['/v1', '/health', '/openapi.json']

const within = (path: string, base: string) => path === base || path.startsWith(`${base}/`)

function invalid(message: string): never {
  throw new ReferenceServerError('invalid_option', message)
}

/**
 * The `mount` option, checked: each path is one or more `/segment`s, is not one of the server's own paths
 * (`/v1`, `/health`, `/openapi.json`) and does not overlap another mount's.
 *
 * @example
 * ```ts
 * const mounts = checkMounts([{ path: '/settings', fetch: (request) => new Response('ok') }])
 * ```
 */
export function checkMounts(mounts: readonly MountedHandler[] = []): readonly MountedHandler[] {
  for (const [index, mount] of mounts.entries()) {
    const { path } = mount
    if (typeof path !== 'string' || !validPath.test(path))
      invalid(`mount[${index}].path is ${JSON.stringify(path)}; use one or more /segments, e.g. '/settings'`)
    if (typeof mount.fetch !== 'function') invalid(`mount[${index}] (${path}) needs a fetch(request) function`)
    const own = ownPaths.find((base) => within(path, base) || within(base, path))
    if (own) invalid(`mount[${index}].path ${path} would hide the server's ${own}; mount it somewhere else`)
    const other = mounts.findIndex((m, i) => i !== index && (within(path, m.path) || within(m.path, path)))
    if (other >= 0) invalid(`mount[${index}].path ${path} overlaps mount[${other}].path ${mounts[other]!.path}`)
  }
  return mounts
}

/**
 * Routes every request to a mount's path, or under it, to its handler, with the request unchanged. The answer is
 * copied so that its headers can take the request id (a fetched response's headers are immutable).
 *
 * @example
 * ```ts
 * mountHandler(app, { path: '/settings', fetch: settings.fetch })
 * ```
 */
export function mountHandler(app: Hono<AppEnv>, mount: MountedHandler): void {
  const handle = async (c: { req: { raw: Request } }) => {
    const response = await mount.fetch(c.req.raw)
    return new Response(response.body, response)
  }
  app.all(mount.path, handle)
  app.all(`${mount.path}/*`, handle)
}
