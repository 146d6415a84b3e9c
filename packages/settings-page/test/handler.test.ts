import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { settingsBundle } from '../src/bundle.js'
import { SettingsPageError, settingsPage, settingsPath } from '../src/index.js'

const csp =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri " +
  "'none'; form-action 'none'; frame-ancestors 'none'"

const origin = 'http://127.0.0.1:4010'

describe('the settings page handler', () => {
  const page = settingsPage()
  const get = (path: string, init?: RequestInit) => page.fetch(new Request(`${origin}${path}`, init))

  it('serves the page frame with headers that keep the pasted key on this origin', async () => {
    const response = await get('/settings')
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
    const response = await get('/settings/app.js')
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
    const response = await get('/settings/app.css')
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

  it('lives at /settings unless told otherwise', () => {
    expect([settingsPath, page.path]).toEqual(['/settings', '/settings'])
  })

  it('answers 404, naming what it serves, for any other path under the page', async () => {
    for (const path of ['/settings/secrets.js', '/settings/', '/settings/app.js/x']) {
      const response = await get(path)
      expect([response.status, response.headers.get('content-type')]).toEqual([404, 'text/plain; charset=utf-8'])
      expect(response.headers.get('content-security-policy')).toBe(csp)
      expect(await response.text()).toBe(
        `There is no ${path} here; the settings page serves /settings, /settings/app.js, /settings/app.css`,
      )
    }
  })

  it('answers HEAD with the headers and no body, and 405 with Allow for other methods', async () => {
    const head = await get('/settings/app.css', { method: 'HEAD' })
    expect([head.status, head.headers.get('content-type'), await head.text()]).toEqual([
      200,
      'text/css; charset=utf-8',
      '',
    ])
    const post = await get('/settings', { method: 'POST', body: '{}' })
    expect([post.status, post.headers.get('allow'), await post.text()]).toEqual([
      405,
      'GET, HEAD',
      'The settings page answers GET and HEAD, not POST',
    ])
  })

  it('serves under another path, the frame loading its bundle from there', async () => {
    const admin = settingsPage({ path: '/admin/settings' })
    expect(admin.path).toBe('/admin/settings')
    const html = await (await admin.fetch(new Request(`${origin}/admin/settings`))).text()
    expect(html).toContain('<script type="module" src="/admin/settings/app.js"></script>')
    const js = await admin.fetch(new Request(`${origin}/admin/settings/app.js`))
    expect([js.status, await js.text()]).toEqual([200, (await settingsBundle()).js])
    expect((await admin.fetch(new Request(`${origin}/settings`))).status).toBe(404)
  })

  it('refuses a path that is not one or more /segments, saying how to write one', () => {
    for (const path of ['settings', '/settings/', '/', '/a b', '/:id', '/*']) {
      expect(() => settingsPage({ path })).toThrow(SettingsPageError)
      expect(() => settingsPage({ path })).toThrow(
        `The settings page path is ${JSON.stringify(path)}; pass one or more /segments with no trailing slash`,
      )
    }
    let caught: unknown
    try {
      settingsPage({ path: '' })
    } catch (error) {
      caught = error
    }
    expect(caught).toMatchObject({ name: 'SettingsPageError', code: 'invalid_path' })
  })
})
