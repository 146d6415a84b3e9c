import { settingsBundle } from './bundle.js'
import { SettingsPageError } from './errors.js'
import { settingsShell } from './shell.js'

/**
 * Where the settings page is served unless told otherwise.
 *
 * @example
 * ```ts
 * settingsPage().path === settingsPath // '/settings'
 * ```
 */
export const settingsPath = '/settings'

/** Options of {@link settingsPage}. @example `settingsPage({ path: '/admin/settings' })` */
export interface SettingsPageOptions {
  /** Where the page lives (default {@link settingsPath}): one or more `/segment`s, no trailing slash. */
  path?: string
}

/**
 * The settings page as a web handler: `fetch` answers the requests under `path`, so any server that speaks
 * `Request`/`Response` can mount it (the reference server takes it in its `mount` option).
 *
 * @example
 * ```ts
 * const page = settingsPage()
 * const response = await page.fetch(new Request('http://127.0.0.1:4010/settings'))
 * response.headers.get('content-type') // 'text/html; charset=utf-8'
 * ```
 */
export interface SettingsPage {
  /** Where the page lives, e.g. `/settings`: the page itself, and its bundle at `${path}/app.js` and `.css`. */
  readonly path: string
  /**
   * Answers one request under {@link path}: the page, its script or its stylesheet (`GET` or `HEAD`), 405 for
   * another method, 404 for another path. The page's script calls the API on the same origin, under `/v1`.
   */
  fetch(request: Request): Promise<Response>
}

// The page runs only its own bundled code and talks only to this server: a pasted API key cannot leak through
// an injected script, a third-party request or a Referer header.
const securityHeaders = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri " +
    "'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
}

const textType = 'text/plain; charset=utf-8'

const validPath = /^(\/[A-Za-z0-9._~-]+)+$/

function answer(request: Request, body: string, contentType: string, init: ResponseInit = {}): Response {
  return new Response(request.method === 'HEAD' ? null : body, {
    ...init,
    headers: { ...securityHeaders, 'content-type': contentType, ...init.headers },
  })
}

async function asset(request: Request, kind: 'js' | 'css', contentType: string): Promise<Response> {
  try {
    return answer(request, (await settingsBundle())[kind], contentType)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return answer(request, `The settings page could not be built: ${reason}`, textType, { status: 500 })
  }
}

/**
 * The settings page "API & Webhooks Integrations" (API keys, webhook endpoints with their deliveries and
 * redelivery, integrations) as a fetch handler: `GET ${path}` is the page, `${path}/app.js` and `${path}/app.css`
 * its bundle (prebuilt in the published package; bundled with esbuild on first request when run from source).
 * Serve it on the same origin as the API: the page calls `/v1` there with the key pasted into it.
 *
 * @example
 * ```ts
 * import { startReferenceServer } from '@octopuspro/reference-server'
 * import { settingsPage } from '@octopuspro/settings-page'
 *
 * const server = await startReferenceServer({ mount: [settingsPage()] })
 * console.log(`${server.url}/settings`) // open it in a browser and paste server.apiKey
 * ```
 */
export function settingsPage(options: SettingsPageOptions = {}): SettingsPage {
  const path = options.path ?? settingsPath
  if (!validPath.test(path)) {
    throw new SettingsPageError(
      'invalid_path',
      `The settings page path is ${JSON.stringify(path)}; pass one or more /segments with no trailing slash, ` +
        "such as '/settings'",
    )
  }
  const shell = settingsShell(path)
  const routes: Record<string, (request: Request) => Response | Promise<Response>> = {
    [path]: (request) => answer(request, shell, 'text/html; charset=utf-8'),
    [`${path}/app.js`]: (request) => asset(request, 'js', 'text/javascript; charset=utf-8'),
    [`${path}/app.css`]: (request) => asset(request, 'css', 'text/css; charset=utf-8'),
  }
  return {
    path,
    async fetch(request) {
      const { pathname } = new URL(request.url)
      const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined
      if (!route) {
        const served = Object.keys(routes).join(', ')
        return answer(request, `There is no ${pathname} here; the settings page serves ${served}`, textType, {
          status: 404,
        })
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return answer(request, `The settings page answers GET and HEAD, not ${request.method}`, textType, {
          status: 405,
          headers: { allow: 'GET, HEAD' },
        })
      }
      return route(request)
    },
  }
}
