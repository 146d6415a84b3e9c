import { createHmac, timingSafeEqual } from 'node:crypto'

type Headers = Record<string, string | string[] | undefined>

/**
 * The floor of the receiver benches: Standard Webhooks verification written by hand on node:crypto — timestamp
 * within 5 minutes, HMAC-SHA256 of `id.timestamp.body`, constant-time compare against each `v1,` signature —
 * then `JSON.parse`. No event validation, no error detail: the least code that is still safe.
 */
export function floorVerifier(secret: string): (body: Buffer, headers: Headers) => unknown {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  return (body, headers) => {
    const id = headers['webhook-id']
    const timestamp = headers['webhook-timestamp']
    const signatures = headers['webhook-signature']
    if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string')
      throw new Error('missing headers')
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) throw new Error('timestamp out of tolerance')
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest()
    const matches = signatures.split(' ').some((signature) => {
      if (!signature.startsWith('v1,')) return false
      const candidate = Buffer.from(signature.slice(3), 'base64')
      return candidate.length === expected.length && timingSafeEqual(candidate, expected)
    })
    if (!matches) throw new Error('no matching signature')
    return JSON.parse(body.toString('utf8'))
  }
}
