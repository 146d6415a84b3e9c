import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A webhook receiver on a loopback port that answers 200, or 500 while `failing` is set; it keeps every body, and
 * every request's headers with it.
 */
export async function startReceiver() {
  let failing = false
  const received: string[] = []
  const requests: { headers: Record<string, string>; body: string }[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      received.push(body)
      requests.push({ headers: request.headers as Record<string, string>, body })
      response.writeHead(failing ? 500 : 200, { 'content-type': 'text/plain' })
      response.end(failing ? 'receiver down for maintenance' : 'ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    requests,
    setFailing(value: boolean) {
      failing = value
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}
