import { request as httpRequest } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../src/index.js'

let server: ReferenceServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A raw node:http request, so the body can be streamed in chunks without a Content-Length. */
function rawPost(
  url: string,
  apiKey: string,
  chunks: number,
  chunkSize: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/json',
          'transfer-encoding': 'chunked',
        },
      },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    const chunk = 'x'.repeat(chunkSize)
    let sent = 0
    const write = () => {
      while (sent < chunks) {
        sent++
        if (!req.write(chunk)) return void req.once('drain', write)
      }
      req.end()
    }
    write()
  })
}

describe('startReferenceServer (node:http on a port)', () => {
  it('listens on a free loopback port and serves the API over real HTTP', async () => {
    server = await startReferenceServer({ port: 0 })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.baseUrl).toBe(`${server.url}/v1`)
    const headers = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }
    const created = await fetch(`${server.baseUrl}/customers`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Ada' }),
    })
    expect([created.status, (await created.json()).name]).toEqual([201, 'Ada'])
    const health = await fetch(`${server.url}/health`)
    expect([health.status, health.headers.get('x-request-id')?.startsWith('req_')]).toEqual([200, true])
    const wrong = await fetch(`${server.baseUrl}/customers`, { method: 'PUT', headers })
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET, POST'])
  })

  it('answers 413 for a body over 1 MiB, by Content-Length and while a chunked body streams in', async () => {
    server = await startReferenceServer()
    const headers = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }
    const big = await fetch(`${server.baseUrl}/customers`, {
      method: 'POST',
      headers,
      body: 'x'.repeat(1024 * 1024 + 1),
    })
    expect([big.status, (await big.json()).error.code]).toEqual([413, 'payload_too_large'])
    const streamed = await rawPost(`${server.baseUrl}/customers`, server.apiKey, 40, 64 * 1024)
    expect([streamed.status, JSON.parse(streamed.body).error.code]).toEqual([413, 'payload_too_large'])
  })

  it('close() frees the port', async () => {
    server = await startReferenceServer()
    const { url } = server
    await server.close()
    server = undefined
    await expect(fetch(`${url}/health`)).rejects.toThrow()
  })
})
