import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { describe, expect, it } from 'vitest'
import { generateWebhookSecret, parseWebhookSecret, signWebhook, signWithSecret } from '../src/index.js'

const body = JSON.stringify({ id: 'evt_1', type: 'booking.created', data: { n: 1 } })

describe('signing primitives', () => {
  it('generates whsec_ secrets of 32 random bytes', () => {
    const secret = generateWebhookSecret()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(parseWebhookSecret(secret).byteLength).toBe(32)
    expect(generateWebhookSecret()).not.toBe(secret)
  })

  it('signs so that the standardwebhooks and svix libraries verify', async () => {
    const secret = generateWebhookSecret()
    const timestamp = Math.floor(Date.now() / 1000)
    const headers = await signWebhook({ secret, id: 'evt_1', timestamp, body })
    expect(new StandardWebhook(secret).verify(body, headers)).toEqual(JSON.parse(body))
    const svixHeaders = {
      'svix-id': headers['webhook-id'],
      'svix-timestamp': headers['webhook-timestamp'],
      'svix-signature': headers['webhook-signature'],
    }
    expect(new SvixWebhook(secret).verify(body, svixHeaders)).toEqual(JSON.parse(body))
  })

  it('matches the signature the standardwebhooks library makes', async () => {
    const secret = generateWebhookSecret()
    const date = new Date('2026-11-27T10:00:00Z')
    const theirs = new StandardWebhook(secret).sign('evt_9', date, body)
    expect(`v1,${await signWithSecret(secret, 'evt_9', date.getTime() / 1000, body)}`).toBe(theirs)
  })

  it('puts one signature per secret in the header (rotation)', async () => {
    const [a, b] = [generateWebhookSecret(), generateWebhookSecret()]
    const headers = await signWebhook({ secret: [a, b], id: 'evt_1', timestamp: 1_764_237_600, body })
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    expect(headers['webhook-timestamp']).toBe('1764237600')
  })

  it('refuses a secret that is not base64', () => {
    expect(() => parseWebhookSecret('whsec_')).toThrow(/whsec_' followed by base64/)
    expect(() => parseWebhookSecret('whsec_not base64!')).toThrow(TypeError)
  })
})
