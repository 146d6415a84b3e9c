import { OctopusPro } from '@octopuspro/client'
import { signWebhook, webhookPublicKey } from '@octopuspro/contract'
import { createReferenceServer, type ManualClock, manualClock } from '@octopuspro/reference-server'
import { Webhooks, type WebhooksOptions } from '@octopuspro/webhooks'
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest'

// The asymmetric vector of the Standard Webhooks Go library (libraries/go/webhook_asymmetric_test.go).
const vector = {
  secretKey: 'whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=',
  publicKey: 'whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=',
  headers: {
    'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    'webhook-timestamp': '1614265330',
    'webhook-signature': 'v1a,tQ9V2XOqn7jL/DQenEFpqIugdBVtiMmER5mhSkXBNwM0mkATuDe6KYYUuxqtaiHeYGb7KaaBRdM5WqyeFiL8Ag==',
  },
  body: '{"test": 2432232314}',
}
const at = (seconds: number) => () => seconds * 1000

/** What a receiver says about a delivery: the verified event type, or the reason it refused it. */
async function verdict(webhooks: Webhooks, body: string, headers: Record<string, string> | Headers) {
  return webhooks.verify(body, headers).then(
    (event) => event.type,
    (error: { reason: string }) => error.reason,
  )
}

describe('ed25519 (v1a) at the receiver: the Standard Webhooks rules', () => {
  // The vector's body is no OctopusPro event, so it verifies up to the payload check.
  const receiver = new Webhooks({ publicKey: vector.publicKey, now: at(1614265330) })

  it('accepts the Go library vector, alone or among other versions and junk', async () => {
    expect(await verdict(receiver, vector.body, vector.headers)).toBe('invalid_payload')
    const mixed = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,x ${vector.headers['webhook-signature']} v1,AA==`
    expect(await verdict(receiver, vector.body, { ...vector.headers, 'webhook-signature': mixed })).toBe(
      'invalid_payload',
    )
  })

  it('refuses what the Go library refuses: invalid, partial, missing headers, old and future timestamps', async () => {
    const cases: [Record<string, string>, string][] = [
      [
        { ...vector.headers, 'webhook-signature': 'v1a,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=' },
        'no_matching_signature',
      ],
      [{ ...vector.headers, 'webhook-signature': 'v1a,' }, 'no_matching_signature'],
      [
        { 'webhook-timestamp': '1614265330', 'webhook-signature': vector.headers['webhook-signature'] },
        'missing_header',
      ],
      [{ 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-signature': 'v1a,x' }, 'missing_header'],
      [{ 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': '1614265330' }, 'missing_header'],
    ]
    for (const [headers, reason] of cases) expect(await verdict(receiver, vector.body, headers)).toBe(reason)
    expect(await verdict(receiver, `${vector.body} `, vector.headers)).toBe('no_matching_signature')
    const later = new Webhooks({ publicKey: vector.publicKey, now: at(1614265330 + 301) })
    expect(await verdict(later, vector.body, vector.headers)).toBe('timestamp_too_old')
    const earlier = new Webhooks({ publicKey: vector.publicKey, now: at(1614265330 - 301) })
    expect(await verdict(earlier, vector.body, vector.headers)).toBe('timestamp_too_new')
  })

  it('takes keys as one string or lists, a secret and a public key together, and at least one of them', () => {
    expectTypeOf<{ publicKey: string }>().toMatchTypeOf<WebhooksOptions>()
    expectTypeOf<{ secret: string[]; publicKey: string[] }>().toMatchTypeOf<WebhooksOptions>()
    expectTypeOf<{ tolerance: 300 }>().not.toMatchTypeOf<WebhooksOptions>()
    expect(() => new Webhooks({ publicKey: 'whpk_AAAA' })).toThrow(
      "the public key is not an ed25519 public key: expected 'whpk_' followed by the base64 of 32 bytes, as " +
        'returned when the endpoint was created (GET /v1/webhooks/{id}/secret)',
    )
    expect(() => new Webhooks({ publicKey: vector.secretKey })).toThrow("`publicKey` must start with 'whpk_'")
    expect(() => new Webhooks({ secret: vector.publicKey })).toThrow("`secret` must start with 'whsec_'")
    expect(() => new Webhooks({} as WebhooksOptions)).toThrow('no webhook secret or public key')
  })

  it('verifies what signWebhook signs with a whsk_ key, and refuses it under another public key', async () => {
    const body = vector.body
    const headers = await signWebhook({ secret: vector.secretKey, id: 'msg_1', timestamp: 1614265330, body })
    expect(await verdict(receiver, body, headers)).toBe('invalid_payload')
    const stranger = new Webhooks({
      publicKey: String(await webhookPublicKey(`whsk_${'A'.repeat(43)}=`)),
      now: at(1614265330),
    })
    expect(await verdict(stranger, body, headers)).toBe('no_matching_signature')
  })
})

describe('the reference server and the receiver, end to end', () => {
  const closers: (() => void)[] = []
  afterEach(() => {
    for (const close of closers.splice(0)) close()
  })

  /** A reference server whose deliveries are kept (and answered 204) instead of sent, and a client of it. */
  function capturing(clock?: ManualClock) {
    const deliveries: Request[] = []
    const server = createReferenceServer({
      ...(clock && { clock }),
      delivery: {
        retrySchedule: [60_000],
        jitter: 0,
        fetch: async (input, init) => {
          deliveries.push(new Request(input, init))
          return new Response(null, { status: 204 })
        },
      },
    })
    closers.push(() => void server.close())
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
    return { op, server, deliveries }
  }

  it('an ed25519 endpoint shows its whpk_ public key, and a receiver with it verifies its deliveries', async () => {
    const { op, server, deliveries } = capturing()
    const url = 'https://receiver.example.com/hook'
    // #region ed25519
    const endpoint = await op.webhooks.create({ name: 'Orders', url, event_types: ['*'], signing: 'ed25519' })
    endpoint.public_key // 'whpk_…', safe to share: it only verifies
    const webhooks = new Webhooks({ publicKey: endpoint.public_key }) // endpoint.secret is null
    // #endregion ed25519
    expect(endpoint).toMatchObject({ signing: 'ed25519', secret: null, public_key: expect.stringMatching(/^whpk_/) })
    await op.customers.create({ name: 'Ada' })
    await server.deliveries.idle()
    const [delivery] = deliveries
    const body = await delivery!.text()
    expect(await verdict(webhooks, body, delivery!.headers)).toBe('customer.created')
    expect(await verdict(webhooks, body.replace('Ada', 'Eve'), delivery!.headers)).toBe('no_matching_signature')
  })

  it('a rotation from whsec_ to whpk_: both verify during the overlap, then only the new key', async () => {
    const clock = manualClock('2026-11-27T10:00:00.000Z')
    const { op, server, deliveries } = capturing(clock)
    const now = () => clock.now()
    const url = 'https://receiver.example.com/hook'
    const endpoint = await op.webhooks.create({ name: 'Orders', url, event_types: ['customer.created'] })
    // #region rotate-to-ed25519
    const rotated = await op.webhooks.rotateSecret(endpoint.id, { signing: 'ed25519', expires_in_seconds: 3600 })
    // Both keys for the overlap, then only the public key (`now`: this test's manual clock)
    const webhooks = new Webhooks({ secret: endpoint.secret, publicKey: rotated.public_key, now })
    // #endregion rotate-to-ed25519
    const receivers = {
      oldSecret: new Webhooks({ secret: endpoint.secret, now }),
      newPublicKey: new Webhooks({ publicKey: rotated.public_key, now }),
      both: webhooks,
    }
    const verdicts = async (request: Request) => {
      const body = await request.text()
      const answers: Record<string, string> = {}
      for (const [name, receiver] of Object.entries(receivers)) {
        answers[name] = await verdict(receiver, body, request.headers)
      }
      answers.tampered = await verdict(receivers.both, body.replace('Ada', 'Eve'), request.headers)
      return answers
    }

    await op.customers.create({ name: 'Ada' })
    await server.deliveries.idle()
    expect(deliveries[0]!.headers.get('webhook-signature')).toMatch(/^v1a,\S{88} v1,\S{44}$/)
    expect(await verdicts(deliveries[0]!)).toEqual({
      oldSecret: 'customer.created',
      newPublicKey: 'customer.created',
      both: 'customer.created',
      tampered: 'no_matching_signature',
    })

    await clock.advance(3600_000)
    await op.customers.create({ name: 'Ada' })
    await server.deliveries.idle()
    expect(deliveries[1]!.headers.get('webhook-signature')).toMatch(/^v1a,\S{88}$/)
    expect(await verdicts(deliveries[1]!)).toEqual({
      oldSecret: 'no_matching_signature',
      newPublicKey: 'customer.created',
      both: 'customer.created',
      tampered: 'no_matching_signature',
    })
  })
})
