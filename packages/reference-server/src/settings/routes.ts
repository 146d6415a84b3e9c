import { Hono } from 'hono'
import { settingsBundle } from './bundle.js'
import { settingsShell } from './shell.js'

/** Where the reference server serves the settings page. */
export const settingsPath = '/settings'

// The page runs only its own bundled code and talks only to this server: a pasted API key cannot leak through
// an injected script, a third-party request or a Referer header.
const securityHeaders = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
}

/**
 * The settings page "API & Webhooks Integrations": `GET /settings` (the page), `/settings/app.js` and
 * `/settings/app.css` (bundled on first request). Mount it on the server's app at {@link settingsPath}.
 *
 * @example
 * ```ts
 * app.route(settingsPath, settingsRoutes())
 * ```
 */
export function settingsRoutes(): Hono {
  const asset = (kind: 'js' | 'css', contentType: string) => async () => {
    try {
      const bundle = await settingsBundle()
      return new Response(bundle[kind], { headers: { ...securityHeaders, 'content-type': contentType } })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return new Response(`The settings page could not be built: ${reason}`, {
        status: 500,
        headers: { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' },
      })
    }
  }
  return new Hono()
    .get(
      '/',
      () =>
        new Response(settingsShell(settingsPath), {
          headers: { ...securityHeaders, 'content-type': 'text/html; charset=utf-8' },
        }),
    )
    .get('/app.js', asset('js', 'text/javascript; charset=utf-8'))
    .get('/app.css', asset('css', 'text/css; charset=utf-8'))
}
