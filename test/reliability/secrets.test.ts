import { createHash, randomBytes } from 'node:crypto'
import { inspect } from 'node:util'
import { AuthenticationError, type Logger, OctopusPro } from '@octopuspro/client'
import { type IntegrationId, integrationCatalog, listRoutes } from '@octopuspro/contract'
import { createReferenceServer, manualClock, type ReferenceServer } from '@octopuspro/reference-server'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { Runtime } from '../../packages/reference-server/src/internal/runtime.js'
import { appFetch } from '../../packages/reference-server/src/internal/server-object.js'
import { type ApiAnswer, call } from './helpers/api.js'
import { recordFigures } from './helpers/results.js'
import { buildWorld } from './helpers/world.js'

const json = { 'content-type': 'application/json' }
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** Figures of this file, written once every test ran. */
const figures = {
  secretsPlanted: 0,
  textsSearched: 0,
  leaks: 0,
  plaintextInStore: 0,
  badKeyRequests: 0,
  badKeysLetIn: 0,
  readOnlyWrites: 0,
  readOnlyWritesLetThrough: 0,
}
afterAll(() => {
  recordFigures({
    file: import.meta.url,
    id: '6-secrets',
    title: 'Secrets and keys',
    summary: {
      tried: figures.textsSearched + figures.badKeyRequests + figures.readOnlyWrites,
      faults: figures.badKeyRequests + figures.readOnlyWrites,
      wrong: figures.leaks + figures.plaintextInStore + figures.badKeysLetIn + figures.readOnlyWritesLetThrough,
    },
    figures: [
      { label: 'secrets planted (API keys, webhook secrets, integration credentials)', value: figures.secretsPlanted },
      {
        label:
          'texts searched (API answers and error bodies, delivery requests, server and client logs, client errors)',
        value: figures.textsSearched,
      },
      { label: 'secrets found where they must not be', value: figures.leaks },
      {
        label: 'plaintext API key secrets found in the server store (idempotency store included)',
        value: figures.plaintextInStore,
      },
      { label: 'requests with a revoked, expired or rolled-out key', value: figures.badKeyRequests },
      { label: '… let in', value: figures.badKeysLetIn },
      { label: 'write routes tried with a read_only key', value: figures.readOnlyWrites },
      { label: '… let through', value: figures.readOnlyWritesLetThrough },
    ],
  })
})

function serverWith(options: Parameters<typeof createReferenceServer>[0] = {}): ReferenceServer {
  const server = createReferenceServer(options)
  closers.push(() => server.close())
  return server
}

async function createKey(
  server: Pick<ReferenceServer, 'baseUrl' | 'apiKey' | 'fetch'>,
  body: Record<string, unknown>,
): Promise<{ id: string; secret: string }> {
  const answer = await call(server, 'POST', '/api-keys', { body: JSON.stringify(body), headers: json })
  expect(answer.status).toBe(201)
  return answer.json as { id: string; secret: string }
}

const status = async (server: ReferenceServer, apiKey: string, method = 'GET', path = '/account', body?: unknown) => {
  const answer = await call(server, method, path, {
    apiKey,
    headers: json,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  return { status: answer.status, code: (answer.json as { error?: { code: string } } | undefined)?.error?.code }
}

/** Asserts a key is refused with `code`, counting it among the bad-key requests. */
async function expectRefused(
  server: ReferenceServer,
  apiKey: string,
  code: 'api_key_revoked' | 'api_key_expired',
  method = 'GET',
  path = '/account',
  body?: unknown,
): Promise<void> {
  const answer = await status(server, apiKey, method, path, body)
  figures.badKeyRequests++
  if (answer.status !== 401) figures.badKeysLetIn++
  expect(answer).toEqual({ status: 401, code })
}

/**
 * Every string reachable from a value: object fields, Map and Set entries, collections' values, bytes as hex, base64
 * and text.
 */
function* reachableStrings(value: unknown, seen = new Set<unknown>()): Generator<string> {
  if (typeof value === 'string') return yield value
  if (value === null || typeof value !== 'object' || seen.has(value)) return
  seen.add(value)
  if (value instanceof Uint8Array) {
    const bytes = Buffer.from(value)
    return yield* [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('latin1')]
  }
  if (value instanceof Map) for (const [k, v] of value) yield* reachableStrings([k, v], seen)
  else if (Symbol.iterator in value) for (const v of value as Iterable<unknown>) yield* reachableStrings(v, seen)
  else if (typeof (value as { values?: unknown }).values === 'function')
    yield* reachableStrings([...(value as { values(): Iterable<unknown> }).values()], seen)
  for (const v of Object.values(value)) yield* reachableStrings(v, seen)
}

const sha256 = (text: string) => createHash('sha256').update(text).digest()

/** Where a secret shows in a list of texts: the index of each text holding it (whole, or its part after the prefix). */
function leaks(secret: string, texts: readonly string[]): number[] {
  const tail = secret.replace(/^(opk_|whsec_)/, '')
  return texts.flatMap((text, i) => (text.includes(secret) || text.includes(tail) ? [i] : []))
}

describe('API keys are stored hashed', () => {
  /** The server's own store, reached through its runtime: the test seam for what is kept. */
  function runtimeServer() {
    const runtime = new Runtime({})
    closers.push(() => runtime.close())
    return {
      runtime,
      server: { baseUrl: 'http://octopuspro.test/v1', apiKey: runtime.apiKey, fetch: appFetch(runtime) },
    }
  }

  it('keeps only the SHA-256 of every secret: the ready key, created keys and rolled keys', async () => {
    const { runtime, server } = runtimeServer()
    const created = await createKey(server, { name: 'Zapier' })
    const rolled = (
      await call(server, 'POST', `/api-keys/${created.id}/roll`, {
        body: JSON.stringify({ expires_in_seconds: 60 }),
        headers: json,
      })
    ).json as { secret: string }
    const secrets = [runtime.apiKey, created.secret, rolled.secret]
    const stored = [...reachableStrings(runtime.state)]
    figures.plaintextInStore += secrets.filter((secret) => leaks(secret, stored).length > 0).length
    expect(secrets.map((secret) => leaks(secret, stored))).toEqual([[], [], []])
    const records = runtime.state.apiKeys.values()
    const hashes = records.flatMap((record) => record.secrets.map((s) => Buffer.from(s.hash).toString('hex')))
    for (const secret of secrets) expect(hashes).toContain(sha256(secret).toString('hex'))
  })

  it('keeps no secret in the idempotency store, where a client create (Idempotency-Key) saves its answer', async () => {
    const { runtime, server } = runtimeServer()
    const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl, fetch: server.fetch })
    const created = await op.apiKeys.create({ name: 'Created by the client' })
    const rolled = await op.apiKeys.roll(created.id, {})
    const stored = [...reachableStrings(runtime.state)]
    figures.plaintextInStore += [created.secret, rolled.secret].filter(
      (secret) => leaks(secret, stored).length > 0,
    ).length
    expect({ created: leaks(created.secret, stored).length, rolled: leaks(rolled.secret, stored).length }).toEqual({
      created: 0,
      rolled: 0,
    })
  })
})

describe('revoked, expired and read-only keys', () => {
  it('refuses a revoked key on the very next request, whoever revoked it, and no other key', async () => {
    const server = serverWith()
    const other = await createKey(server, { name: 'Other' })
    const key = await createKey(server, { name: 'To revoke' })
    expect(await status(server, key.secret)).toEqual({ status: 200, code: undefined })
    expect((await call(server, 'POST', `/api-keys/${key.id}/revoke`, { headers: json })).status).toBe(200)
    await expectRefused(server, key.secret, 'api_key_revoked')
    await expectRefused(server, key.secret, 'api_key_revoked', 'POST', '/customers', { name: 'Ada' })

    const self = await createKey(server, { name: 'Revokes itself' })
    expect(await status(server, self.secret, 'POST', `/api-keys/${self.id}/revoke`)).toEqual({
      status: 200,
      code: undefined,
    })
    await expectRefused(server, self.secret, 'api_key_revoked')
    expect(await status(server, other.secret)).toEqual({ status: 200, code: undefined })
    expect(await status(server, server.apiKey)).toEqual({ status: 200, code: undefined })
  })

  it('refuses requests that race a revoke as soon as the revoke has answered', async () => {
    const server = serverWith()
    const key = await createKey(server, { name: 'Racing' })
    const before = Array.from({ length: 20 }, () => status(server, key.secret))
    const revoke = call(server, 'POST', `/api-keys/${key.id}/revoke`, { headers: json })
    const answers = await Promise.all(before)
    expect((await revoke).status).toBe(200)
    const after = await Promise.all(Array.from({ length: 20 }, () => status(server, key.secret)))
    expect(answers.every((a) => a.status === 200 || a.code === 'api_key_revoked')).toBe(true)
    figures.badKeyRequests += after.length
    figures.badKeysLetIn += after.filter((a) => a.status !== 401).length
    expect(after).toEqual(Array.from({ length: 20 }, () => ({ status: 401, code: 'api_key_revoked' })))
  })

  it('refuses an expired key, and a rolled-out secret, from the millisecond they expire', async () => {
    const clock = manualClock('2026-11-27T10:00:00.000Z')
    const server = serverWith({ clock })
    const key = await createKey(server, { name: 'Expiring', expires_at: '2026-11-27T10:01:00.000Z' })
    await clock.advance(59_999)
    expect(await status(server, key.secret)).toEqual({ status: 200, code: undefined })
    await clock.advance(1)
    await expectRefused(server, key.secret, 'api_key_expired')

    const rolling = await createKey(server, { name: 'Rolling' })
    const overlap = (
      await call(server, 'POST', `/api-keys/${rolling.id}/roll`, {
        body: JSON.stringify({ expires_in_seconds: 30 }),
        headers: json,
      })
    ).json as { secret: string }
    expect(await status(server, rolling.secret)).toEqual({ status: 200, code: undefined })
    await clock.advance(30_000)
    await expectRefused(server, rolling.secret, 'api_key_expired')
    expect(await status(server, overlap.secret)).toEqual({ status: 200, code: undefined })
    const atOnce = (
      await call(server, 'POST', `/api-keys/${rolling.id}/roll`, { body: '{}', headers: json, apiKey: overlap.secret })
    ).json as { secret: string }
    await expectRefused(server, overlap.secret, 'api_key_expired')
    expect(await status(server, atOnce.secret)).toEqual({ status: 200, code: undefined })
  })

  it('lets a read_only key read every GET route and write none (403, store unchanged)', async () => {
    const server = serverWith({
      delivery: { fetch: async () => new Response(null, { status: 204 }), retrySchedule: [] },
    })
    const world = await buildWorld(server)
    const readOnly = await createKey(server, { name: 'Dashboard', mode: 'read_only' })
    const snapshot = async () => {
      // Every list but the request log, which records each request (refused ones too) by design.
      const lists = listRoutes().filter(
        (entry) =>
          entry.group !== 'requestLogs' &&
          !entry.definition.id &&
          'limit' in ((entry.definition.query as unknown as { shape?: object } | undefined)?.shape ?? {}),
      )
      const pages = await Promise.all(
        lists.map(async (entry) =>
          (await call(server, 'GET', `${entry.definition.path}?limit=100`)).text.replace(
            /"last_used_at":(null|"[^"]*")/g,
            '',
          ),
        ),
      )
      return JSON.stringify([pages, server.events.list().length, server.deliveries.list().length])
    }
    const before = await snapshot()
    const writes: string[] = []
    const reads: string[] = []
    for (const entry of listRoutes()) {
      const path = entry.definition.path.replace('{id}', world.idOf(entry.name))
      const answer = await status(
        server,
        readOnly.secret,
        entry.definition.method,
        path,
        entry.definition.body ? (world.validBodies[entry.name] ?? {}) : undefined,
      )
      if (entry.definition.method === 'GET') {
        if (answer.status !== 200) reads.push(`${entry.name} ${answer.status} ${answer.code}`)
      } else if (answer.status !== 403 || answer.code !== 'api_key_read_only') {
        writes.push(`${entry.name} ${answer.status} ${answer.code}`)
      }
    }
    figures.readOnlyWrites += listRoutes().filter((entry) => entry.definition.method !== 'GET').length
    figures.readOnlyWritesLetThrough += writes.length
    expect(reads).toEqual([])
    expect(writes).toEqual([])
    expect(await snapshot()).toBe(before)
  })
})

describe('secrets never leak', () => {
  it('never shows API key or webhook secrets or credentials outside answers meant for them, or in logs', async () => {
    const logLines: string[] = []
    const deliveries: string[] = []
    const server = serverWith({
      account: { plan: 'unlimited' },
      logger: (line) => logLines.push(line),
      delivery: {
        retrySchedule: [],
        fetch: async (input, init) => {
          const headers = JSON.stringify(Object.fromEntries(new Headers(init?.headers)))
          deliveries.push(`${String(input)} ${headers} ${new TextDecoder().decode(init?.body as Uint8Array)}`)
          return new Response(null, { status: 204 })
        },
      },
    })
    const meantFor: string[] = [] // the answers that carry a secret on purpose
    const texts: string[] = [] // everything else the API said
    const send = async (method: string, path: string, body?: unknown, apiKey?: string): Promise<ApiAnswer> => {
      const answer = await call(server, method, path, {
        headers: json,
        ...(apiKey && { apiKey }),
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
      texts.push(answer.text)
      return answer
    }
    const world = await buildWorld(server)

    // API keys: created, rolled; their secrets are shown once, in those answers.
    const apiKeySecrets: string[] = []
    for (const body of [{ name: 'Integration A' }, { name: 'Integration B', mode: 'read_only' }]) {
      const answer = await call(server, 'POST', '/api-keys', { body: JSON.stringify(body), headers: json })
      meantFor.push(answer.text)
      apiKeySecrets.push((answer.json as { secret: string }).secret)
    }
    const keys = ((await send('GET', '/api-keys?limit=100')).json as { data: { id: string; name: string }[] }).data
    const keyIdA = keys.find((k) => k.name === 'Integration A')!.id
    const roll = await call(server, 'POST', `/api-keys/${keyIdA}/roll`, {
      body: JSON.stringify({ expires_in_seconds: 3600 }),
      headers: json,
    })
    meantFor.push(roll.text)
    apiKeySecrets.push((roll.json as { secret: string }).secret)

    // Webhook secrets: created and rotated (shown there and by GET /webhooks/{id}/secret).
    const webhookSecrets: string[] = []
    const endpoint = await call(server, 'POST', '/webhooks', {
      body: JSON.stringify({ name: 'CRM', url: 'http://127.0.0.1:9/crm', event_types: ['*'] }),
      headers: json,
    })
    meantFor.push(endpoint.text)
    const endpointId = (endpoint.json as { id: string }).id
    webhookSecrets.push((endpoint.json as { secret: string }).secret)
    const rotated = await call(server, 'POST', `/webhooks/${endpointId}/rotate-secret`, {
      body: JSON.stringify({ expires_in_seconds: 3600 }),
      headers: json,
    })
    meantFor.push(
      rotated.text,
      (await call(server, 'GET', `/webhooks/${endpointId}/secret`)).text,
      (await call(server, 'GET', `/webhooks/${world.ids.webhook}/secret`)).text,
    )
    webhookSecrets.push((rotated.json as { secret: string }).secret)

    // Integrations: every one connected with credentials of its own.
    const credentials: string[] = []
    for (const id of Object.keys(integrationCatalog) as IntegrationId[]) {
      const fields = Object.keys(
        (integrationCatalog[id].credentials as unknown as { shape: Record<string, unknown> }).shape,
      )
      const values = Object.fromEntries(
        fields.map((field) => [field, `cred-${id}-${field}-${randomBytes(6).toString('hex')}`]),
      )
      credentials.push(...Object.values(values))
      expect((await send('PUT', `/integrations/${id}`, { credentials: values })).status).toBe(200)
      // Refused credentials: a secret in a wrong-typed field, in an unknown field, and too long.
      const secret = `cred-refused-${randomBytes(6).toString('hex')}`
      credentials.push(secret)
      await send('PUT', `/integrations/${id}`, { credentials: { ...values, [fields[0]!]: 42, unexpected: secret } })
      await send('PUT', `/integrations/${id}`, {
        credentials: Object.fromEntries(fields.map((f) => [f, `${secret}${'x'.repeat(6000)}`])),
      })
      await send('PUT', `/integrations/${id}`, { credentials: values, settings: { unknown_setting: secret } })
    }

    // Everything there is to read, as the ready key, with every secret in play; writes that echo objects; errors.
    await send('POST', '/customers', { name: 'Triggers a delivery' })
    await server.deliveries.idle()
    for (const entry of listRoutes().filter((e) => e.definition.method === 'GET' && e.name !== 'webhooks.getSecret')) {
      const ids = entry.name.startsWith('webhooks.')
        ? [world.ids.webhook, endpointId]
        : entry.name.startsWith('apiKeys.')
          ? keys.map((k) => k.id)
          : [world.idOf(entry.name)]
      const query = entry.definition.list && entry.definition.query ? '?limit=100' : ''
      for (const id of ids) await send('GET', `${entry.definition.path.replace('{id}', id)}${query}`)
    }
    await send('PATCH', `/webhooks/${endpointId}`, { description: 'still here' })
    await send('PATCH', `/api-keys/${keyIdA}`, { name: 'Integration A (renamed)' })
    await send('POST', `/api-keys/${keys.find((k) => k.name === 'Integration B')!.id}/revoke`, {})
    for (const secret of apiKeySecrets) {
      // revoked, read-only or valid: whatever the answer, no secret in it
      await send('GET', '/account', undefined, secret)
      await send('GET', '/account', undefined, `${secret.slice(0, -1)}x`) // one character off
      await send('POST', '/customers', { name: secret }, apiKeySecrets[1]) // read_only: refused
    }
    await send('POST', '/webhooks', { name: 'bad', url: webhookSecrets[0], event_types: ['*'] })

    const secrets = { apiKeySecrets, webhookSecrets, credentials }
    const all = [...apiKeySecrets, ...webhookSecrets, ...credentials]
    figures.textsSearched += texts.length + deliveries.length + logLines.length
    figures.secretsPlanted += all.length
    // The search does find them where they are meant to be.
    for (const secret of [...apiKeySecrets, ...webhookSecrets])
      expect(leaks(secret, meantFor).length, secret).toBeGreaterThan(0)
    const found = (where: readonly string[]) =>
      Object.fromEntries(
        Object.entries(secrets).map(([kind, list]) => [kind, list.filter((s) => leaks(s, where).length > 0)]),
      )
    figures.leaks += all.filter((secret) => leaks(secret, [...texts, ...logLines, ...deliveries]).length > 0).length
    expect(found(texts)).toEqual({ apiKeySecrets: [], webhookSecrets: [], credentials: [] })
    expect(found(logLines)).toEqual({ apiKeySecrets: [], webhookSecrets: [], credentials: [] })
    expect(found(deliveries)).toEqual({ apiKeySecrets: [], webhookSecrets: [], credentials: [] })
    expect(deliveries.length).toBeGreaterThan(0)
    expect(logLines.length).toBeGreaterThan(100)
  })

  it('the client never logs its key, nor shows it in errors, inspect or JSON', async () => {
    const server = serverWith()
    const key = await createKey(server, { name: 'Client key' })
    const lines: string[] = []
    const log = (level: string) => (message: string, fields: object) =>
      void lines.push(`${level} ${message} ${JSON.stringify(fields)}`)
    const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
    const op = new OctopusPro({
      apiKey: key.secret,
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      logger,
      maxRetries: 2,
    })
    server.faults.add({ match: 'GET /v1/customers', status: 503, times: 1 })
    const shown: string[] = []
    await op.customers.list({ limit: 1 }) // one retry after an injected 503
    for (const failing of [
      () => op.customers.get('cus_missing'),
      () => op.customers.create({ name: '' }),
      () => op.payments.approve('pay_missing'),
    ]) {
      const error = await failing().then(
        () => undefined,
        (e: unknown) => e,
      )
      shown.push(String(error), JSON.stringify(error), inspect(error, { depth: 10 }), (error as Error).stack ?? '')
    }
    await call(server, 'POST', `/api-keys/${key.id}/revoke`, { headers: json })
    const revoked = await op.account.get().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(revoked).toBeInstanceOf(AuthenticationError)
    shown.push(
      String(revoked),
      JSON.stringify(revoked),
      inspect(revoked, { depth: 10 }),
      inspect(op, { depth: 10, showHidden: true }),
      JSON.stringify(op),
      String(op),
    )
    expect(lines.some((line) => line.startsWith('warn'))).toBe(true)
    expect(lines.length).toBeGreaterThan(5)
    expect(leaks(key.secret, lines)).toEqual([])
    expect(leaks(key.secret, shown)).toEqual([])
    figures.textsSearched += lines.length + shown.length
    figures.leaks += leaks(key.secret, [...lines, ...shown]).length > 0 ? 1 : 0
  })
})
