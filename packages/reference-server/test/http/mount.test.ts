import { setupServer } from 'msw/node'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createReferenceServer,
  type MountedHandler,
  type ReferenceServer,
  ReferenceServerError,
  startReferenceServer,
} from '../../src/index.js'
import { createHandlers } from '../../src/msw.js'

let server: ReferenceServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A handler that echoes what it got: method, full URL and body. */
const echo: MountedHandler = {
  path: '/tools/echo',
  fetch: async (request) =>
    new Response(`${request.method} ${request.url} ${await request.text()}`, {
      status: 202,
      headers: { 'content-type': 'text/plain', 'x-echo': 'yes' },
    }),
}

describe('mount: web handlers beside the API', () => {
  it('gets every request to its path or under it, unchanged, and its answer as it gave it', async () => {
    server = createReferenceServer({ mount: [echo] })
    const at = (path: string, init?: RequestInit) => server!.fetch(`${server!.url}${path}`, init)
    const root = await at('/tools/echo')
    expect([root.status, root.headers.get('x-echo'), await root.text()]).toEqual([
      202,
      'yes',
      'GET http://octopuspro.test/tools/echo ',
    ])
    const deep = await at('/tools/echo/a/b?x=1', { method: 'PUT', body: 'payload' })
    expect([deep.status, await deep.text()]).toEqual([202, 'PUT http://octopuspro.test/tools/echo/a/b?x=1 payload'])
    expect(deep.headers.get('x-request-id')).toMatch(/^req_/)
  })

  it('leaves the paths beside it to the API (a JSON route_not_found)', async () => {
    server = createReferenceServer({ mount: [echo] })
    for (const path of ['/tools/echoes', '/tools']) {
      const response = await server.fetch(`${server.url}${path}`)
      expect([response.status, (await response.json()).error.code]).toEqual([404, 'route_not_found'])
    }
  })

  it('stamps a response whose headers are immutable (a redirect) instead of failing', async () => {
    const redirect: MountedHandler = { path: '/go', fetch: () => Response.redirect('http://example.com/', 302) }
    server = createReferenceServer({ mount: [redirect] })
    const response = await server.fetch(`${server.url}/go`)
    expect([response.status, response.headers.get('location')]).toEqual([302, 'http://example.com/'])
    expect(response.headers.get('x-request-id')).toMatch(/^req_/)
  })

  it('is served on the port door, the body read from the web Request', async () => {
    server = await startReferenceServer({ port: 0, mount: [echo] })
    const response = await fetch(`${server.url}/tools/echo/x`, { method: 'POST', body: 'over the wire' })
    expect([response.status, await response.text()]).toEqual([202, `POST ${server.url}/tools/echo/x over the wire`])
  })

  it('is served through the msw handlers', async () => {
    server = createReferenceServer({ mount: [echo] })
    const mocks = setupServer(...createHandlers(server))
    mocks.listen({ onUnhandledRequest: 'error' })
    try {
      const response = await fetch(`${server.url}/tools/echo`, { method: 'POST', body: 'intercepted' })
      expect(await response.text()).toBe('POST http://octopuspro.test/tools/echo intercepted')
    } finally {
      mocks.close()
    }
  })

  it.each([
    [{ path: 'tools', fetch: echo.fetch }, `mount[0].path is "tools"; use one or more /segments, e.g. '/settings'`],
    [{ path: '/tools/', fetch: echo.fetch }, `mount[0].path is "/tools/"; use one or more /segments`],
    [{ path: '/:id', fetch: echo.fetch }, `mount[0].path is "/:id"; use one or more /segments`],
    [{ path: '/v1/tools', fetch: echo.fetch }, "mount[0].path /v1/tools would hide the server's /v1"],
    [{ path: '/health', fetch: echo.fetch }, "mount[0].path /health would hide the server's /health"],
    [{ path: '/tools' } as MountedHandler, 'mount[0] (/tools) needs a fetch(request) function'],
  ])('refuses %j with invalid_option', (mount, message) => {
    expect(() => createReferenceServer({ mount: [mount] })).toThrow(message)
    expect(() => createReferenceServer({ mount: [mount] })).toThrow(ReferenceServerError)
  })

  it('refuses mounts that overlap', () => {
    const under = { path: '/tools/echo/deeper', fetch: echo.fetch }
    expect(() => createReferenceServer({ mount: [echo, under] })).toThrow(
      'mount[0].path /tools/echo overlaps mount[1].path /tools/echo/deeper',
    )
  })
})
