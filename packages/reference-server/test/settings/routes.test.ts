import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { settingsBundle } from '../../src/settings/bundle.js'
import { settingsPath, settingsRoutes } from '../../src/settings/routes.js'

const csp =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

describe('settings routes', () => {
  const routes = settingsRoutes()

  it('serves the page frame with headers that keep the pasted key on this origin', async () => {
    const response = await routes.request('/')
    expect(response.status).toBe(200)
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
    const html = await response.text()
    expect(html).toContain('<title>API &amp; Webhooks Integrations · OctopusPro reference server</title>')
    expect(html).toContain(`<script type="module" src="${settingsPath}/app.js"></script>`)
    expect(html).toContain(`<link rel="stylesheet" href="${settingsPath}/app.css">`)
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
  })

  it('serves the bundled script, under 60 KB gzipped, with the client and the contract inside', async () => {
    const response = await routes.request('/app.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(csp)
    const js = await response.text()
    expect(gzipSync(js).length).toBeLessThan(60 * 1024)
    // Markers of what it carries: the client's error guard names, the contract's catalog, the session store.
    expect(js).toContain('AuthenticationError')
    expect(js).toContain('Whatsapp Message Received')
    expect(js).toContain('octopuspro.settings.apiKey')
    expect(js).not.toContain('localStorage')
  })

  it('serves the stylesheet', async () => {
    const response = await routes.request('/app.css')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8')
    const css = await response.text()
    expect(css).toContain('.data-table')
    expect(css).toContain('@media(max-width:720px)')
  })

  it('bundles once and serves the same bundle from memory afterwards', async () => {
    const first = await settingsBundle()
    const second = await settingsBundle()
    expect(second).toBe(first)
  })

  it('answers 404 for any other path under the page', async () => {
    const response = await routes.request('/secrets.js')
    expect(response.status).toBe(404)
  })
})
