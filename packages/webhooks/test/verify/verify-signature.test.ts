import { createHmac } from 'node:crypto'
import { signWebhook } from '@octopuspro/contract'
import { createSampleEvent } from '@octopuspro/contract/samples'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { describe, expect, it } from 'vitest'
import { Webhooks, type WebhookVerificationError } from '../../src/index.js'
import { headerLookup } from '../../src/verify/headers.js'
import { signingKeys } from '../../src/verify/signing-keys.js'
import { verifySignature } from '../../src/verify/verify-signature.js'
import { NOW_SECONDS, now, OTHER_SECRET, SECRET, signed } from '../helpers.js'

const event = createSampleEvent('payment.approved')
const body = JSON.stringify(event)
const webhooks = new Webhooks({ secret: SECRET, now })

async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeDefined()
  return error as WebhookVerificationError
}

describe('Standard Webhooks and Svix interoperability', () => {
  it('verifies the signature vector of the Standard Webhooks specification', async () => {
    // https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
    const settings = { keys: signingKeys(SECRET, undefined), toleranceSeconds: 300, now: () => 1614265330 * 1000 }
    const headers = headerLookup({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    })
    expect(verifySignature('{"test": 2432232314}', headers, settings)).toBe('msg_p5jXN8AQM9LWM0D4loKWxJek')
    // The same with keys that answer asynchronously, as on Web Crypto (runtimes without node:crypto).
    const keys = settings.keys.map((key) => ({
      version: key.version,
      matches: async (...args: Parameters<typeof key.matches>) => key.matches(...args),
    }))
    const web = { ...settings, keys }
    await expect(verifySignature('{"test": 2432232314}', headers, web)).resolves.toBe('msg_p5jXN8AQM9LWM0D4loKWxJek')
    await expect(Promise.resolve(verifySignature('{"test": 1}', headers, web))).rejects.toMatchObject({
      reason: 'no_matching_signature',
    })
  })

  it('verifies deliveries signed by the standardwebhooks package', async () => {
    const signature = new StandardWebhook(SECRET).sign(event.id, new Date(NOW_SECONDS * 1000), body)
    const headers = { 'webhook-id': event.id, 'webhook-timestamp': String(NOW_SECONDS), 'webhook-signature': signature }
    await expect(webhooks.verify(body, headers)).resolves.toEqual(event)
  })

  it('verifies deliveries signed by the svix package, with svix- or webhook- headers', async () => {
    const signature = new SvixWebhook(SECRET).sign(event.id, new Date(NOW_SECONDS * 1000), body)
    const svixHeaders = { 'svix-id': event.id, 'svix-timestamp': String(NOW_SECONDS), 'svix-signature': signature }
    await expect(webhooks.verify(body, svixHeaders)).resolves.toEqual(event)
    const standardHeaders = {
      'webhook-id': event.id,
      'webhook-timestamp': String(NOW_SECONDS),
      'webhook-signature': signature,
    }
    await expect(webhooks.verify(body, standardHeaders)).resolves.toEqual(event)
  })

  it('signs deliveries that the standardwebhooks and svix packages verify', async () => {
    const timestamp = Math.floor(Date.now() / 1000)
    const headers = await signWebhook({ secret: [OTHER_SECRET, SECRET], id: event.id, timestamp, body })
    expect(new StandardWebhook(SECRET).verify(body, headers)).toEqual(event)
    expect(new SvixWebhook(SECRET).verify(body, headers)).toEqual(event)
  })
})

describe('verify', () => {
  it('accepts the body as string, Buffer, Uint8Array, ArrayBuffer and DataView', async () => {
    const { headers } = await signed(body)
    const bytes = new TextEncoder().encode(body)
    // An offset view over a larger buffer: only the viewed bytes are the body.
    const padded = new Uint8Array(bytes.byteLength + 8)
    padded.set(bytes, 4)
    for (const raw of [
      body,
      Buffer.from(body),
      bytes,
      bytes.buffer,
      new DataView(padded.buffer, 4, bytes.byteLength),
      padded.subarray(4, 4 + bytes.byteLength),
    ]) {
      await expect(webhooks.verify(raw, headers)).resolves.toEqual(event)
    }
  })

  it('reads headers from a Headers object or a record in any casing', async () => {
    const { headers } = await signed(body)
    await expect(webhooks.verify(body, new Headers(headers))).resolves.toEqual(event)
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]))
    await expect(webhooks.verify(body, upper)).resolves.toEqual(event)
    await expect(webhooks.verify(body, { ...headers, 'webhook-id': ['evt_1'] })).resolves.toEqual(event)
  })

  it('verifies the raw bytes, not text re-encoded from them', async () => {
    // Not valid UTF-8: decoding and re-encoding would change these bytes and break the signature.
    const bytes = Uint8Array.from([...new TextEncoder().encode(body.slice(0, -1)), 0xff, 0x7d])
    const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64')
    const signature = createHmac('sha256', key).update(`evt_1.${NOW_SECONDS}.`).update(bytes).digest('base64')
    const headers = {
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(NOW_SECONDS),
      'webhook-signature': `v1,${signature}`,
    }
    const error = await rejection(webhooks.verify(bytes, headers))
    // The signature matched; only then did the JSON (with a stray byte) fail.
    expect(error.reason).toBe('invalid_json')
  })

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])(
    'refuses a delivery without %s, naming it',
    async (name) => {
      const { headers } = await signed(body)
      const error = await rejection(webhooks.verify(body, { ...headers, [name]: undefined }))
      expect(error).toMatchObject({
        name: 'WebhookVerificationError',
        code: 'webhook_verification_failed',
        reason: 'missing_header',
        header: name,
      })
      expect(error.message).toContain(`the ${name} header is missing`)
      const empty = await rejection(webhooks.verify(body, { ...headers, [name]: '' }))
      expect(empty.reason).toBe('missing_header')
    },
  )

  it.each(['soon', '1764234000.5', '-1764234000', '', ' 1764234000', '1'.repeat(16)])(
    'refuses the timestamp %j',
    async (timestamp) => {
      const { headers } = await signed(body)
      const error = await rejection(webhooks.verify(body, { ...headers, 'webhook-timestamp': timestamp }))
      expect(error.reason).toBe(timestamp === '' ? 'missing_header' : 'invalid_timestamp')
      if (timestamp !== '') expect(error.message).toContain('must be unix seconds')
    },
  )

  it('accepts timestamps exactly at the tolerance either way and refuses one second beyond', async () => {
    const at = async (timestamp: number) => webhooks.verify(body, (await signed(body, { timestamp })).headers)
    await expect(at(NOW_SECONDS - 300)).resolves.toEqual(event)
    await expect(at(NOW_SECONDS + 300)).resolves.toEqual(event)
    const old = await rejection(at(NOW_SECONDS - 301))
    expect(old.reason).toBe('timestamp_too_old')
    expect(old.message).toBe(
      'the webhook-timestamp is 301 s in the past, more than the tolerance of 300 s: the delivery is stale or ' +
        "replayed; if it is genuine, check this server's clock (NTP) or raise `tolerance`",
    )
    const future = await rejection(at(NOW_SECONDS + 301))
    expect(future.reason).toBe('timestamp_too_new')
    expect(future.message).toContain('301 s in the future')
  })

  it('uses the configured tolerance', async () => {
    const strict = new Webhooks({ secret: SECRET, now, tolerance: 5 })
    await expect(strict.verify(body, (await signed(body, { timestamp: NOW_SECONDS - 5 })).headers)).resolves.toEqual(
      event,
    )
    expect(
      (await rejection(strict.verify(body, (await signed(body, { timestamp: NOW_SECONDS - 6 })).headers))).reason,
    ).toBe('timestamp_too_old')
  })

  it('refuses a wrong signature, a tampered body and a header with no v1 signature', async () => {
    const { headers } = await signed(body, { secret: OTHER_SECRET })
    const wrong = await rejection(webhooks.verify(body, headers))
    expect(wrong.reason).toBe('no_matching_signature')
    expect(wrong.message).toContain('none of the 1 signature(s) matches the 1 configured secret(s)')

    const good = await signed(body)
    const tampered = await rejection(webhooks.verify(body.replace('19800', '19801'), good.headers))
    expect(tampered.reason).toBe('no_matching_signature')

    const v1a = `v1a,${good.headers['webhook-signature']!.slice(3)}`
    const onlyV1a = await rejection(webhooks.verify(body, { ...good.headers, 'webhook-signature': v1a }))
    expect(onlyV1a.message).toBe(
      "the 1 signature(s) are all v1a (ed25519), but only secrets (whsec_) are configured: pass the endpoint's " +
        'public_key as `publicKey`',
    )
    for (const signature of ['v2,abc', `v1${good.headers['webhook-signature']!.slice(3)}`]) {
      const error = await rejection(webhooks.verify(body, { ...good.headers, 'webhook-signature': signature }))
      expect(error.reason).toBe('no_matching_signature')
      expect(error.message).toBe(
        'the webhook-signature header has no v1 or v1a signature (expected "v1,<base64 HMAC-SHA256>" or ' +
          '"v1a,<base64 ed25519>", space-separated)',
      )
    }
    for (const signature of ['v1,not-base64!', 'v1,AAAA', good.headers['webhook-signature']!.slice(0, -1)]) {
      const error = await rejection(webhooks.verify(body, { ...good.headers, 'webhook-signature': signature }))
      expect(error.reason).toBe('no_matching_signature')
      expect(error.message).toContain('none of the 1 signature(s) matches')
    }
  })

  it('tries every signature of the header against every configured secret (rotation)', async () => {
    const oldAndNew = new Webhooks({ secret: [OTHER_SECRET, SECRET], now })
    for (const secret of [SECRET, OTHER_SECRET, [SECRET, OTHER_SECRET], [OTHER_SECRET, SECRET]]) {
      await expect(oldAndNew.verify(body, (await signed(body, { secret })).headers)).resolves.toEqual(event)
    }
    const { headers } = await signed(body)
    const withJunk = { ...headers, 'webhook-signature': `v1,${'A'.repeat(43)}= v2,xyz ${headers['webhook-signature']}` }
    await expect(webhooks.verify(body, withJunk)).resolves.toEqual(event)
  })

  it('refuses a body that is already parsed, telling how to mount the middleware', async () => {
    const { headers } = await signed(body)
    const error = await rejection(webhooks.verify(event as never, headers))
    expect(error.reason).toBe('body_not_raw')
    expect(error.message).toBe(
      'the request body is already parsed (got an object), so its signed bytes are lost: mount the webhook ' +
        'middleware before express.json() (or any JSON body parser), or use express.raw({ type: ' +
        "'application/json' }) on the webhook route",
    )
    expect((await rejection(webhooks.verify(undefined as never, headers))).message).toContain(
      'there is no raw request body',
    )
  })
})

describe('secrets', () => {
  it.each([
    ['a malformed secret', 'whsec_not base64!', 'the secret is not a webhook secret'],
    ['an empty secret', '', 'no webhook secret or public key'],
    ['a missing secret', undefined, 'no webhook secret or public key'],
    ['no secrets', [], 'no webhook secret or public key'],
    ['one bad secret of two', [SECRET, 'whsec_'], 'secret #2 is not a webhook secret'],
  ])('refuses %s with invalid_secret', (_, secret, message) => {
    let error: unknown
    try {
      new Webhooks({ secret: secret as never })
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({ name: 'WebhookVerificationError', reason: 'invalid_secret' })
    expect((error as Error).message).toContain(message)
  })

  it('accepts a bare base64 secret as Standard Webhooks allows', async () => {
    const bare = new Webhooks({ secret: SECRET.slice('whsec_'.length), now })
    await expect(bare.verify(body, (await signed(body)).headers)).resolves.toEqual(event)
  })
})
