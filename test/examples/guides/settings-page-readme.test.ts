import { expect, it, vi } from 'vitest'

// The samples of packages/settings-page/README.md.
it('mounts the page on the reference server, and answers a web Request under another path', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const sample = await import('./samples/settings-page-readme.js')
  try {
    const { server } = sample
    expect(log.mock.calls).toEqual([[`Open ${server.url}/settings and paste ${server.apiKey}`]])
    const served = await fetch(`${server.url}/settings`)
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
    expect(sample.page.path).toBe('/admin/settings')
    expect([sample.response.status, sample.response.headers.get('content-type')]).toEqual([
      200,
      'text/html; charset=utf-8',
    ])
    expect(await sample.response.text()).toContain('<script type="module" src="/admin/settings/app.js"></script>')
  } finally {
    log.mockRestore()
    await sample.server.close()
  }
})
