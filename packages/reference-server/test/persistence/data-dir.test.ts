import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/clock.js'
import { createReferenceServer, type ReferenceServer, type ReferenceServerOptions } from '../../src/index.js'
import { DataDir } from '../../src/internal/persistence/data-dir.js'
import { trackedReceivers } from '../delivery/helpers.js'
import { client } from '../helpers/api.js'

const T0 = '2026-11-27T10:00:00.000Z'
const receiver = trackedReceivers()
let open: ReferenceServer[] = []
let dirs: string[] = []
afterEach(async () => {
  await Promise.all(open.map((server) => server.close()))
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  open = []
  dirs = []
})

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'octopuspro-data-'))
  dirs.push(dir)
  return dir
}

function serve(options: ReferenceServerOptions) {
  const server = createReferenceServer(options)
  open.push(server)
  return { server, api: client(server) }
}

const expectError = (code: string, message: string) =>
  expect.objectContaining({ name: 'ReferenceServerError', code, message: expect.stringContaining(message) })

describe('dataDir', () => {
  it('reopens with exactly the state it had; the seed only fills a new dir', async () => {
    const dataDir = newDir()
    const { server, api } = serve({ dataDir, seed: 'demo', ids: 'sequential', clock: manualClock(T0) })
    const hook = { name: 'Hook', url: 'http://127.0.0.1:9/hooks', event_types: ['customer.deleted'] }
    await api('POST', '/v1/webhooks', { body: hook })
    const ada = await api('POST', '/v1/customers', { body: { name: 'Ada' } })
    await api('PATCH', `/v1/customers/${ada.body.id}`, { body: { name: 'Ada L.' } })
    await api('DELETE', `/v1/customers/${ada.body.id}`)
    await api('POST', '/v1/api-keys', { body: { name: 'CI', mode: 'read_only' } })
    await server.deliveries.idle()
    const before = server.snapshot()
    await server.close()

    const again = serve({ dataDir, seed: 'empty', ids: 'sequential', clock: manualClock(T0) })
    expect(again.server.apiKey).toBe(server.apiKey)
    expect(again.server.snapshot()).toEqual(before)
    expect((await again.api('GET', `/v1/customers/${ada.body.id}`)).status).toBe(404)
    expect((await again.api('GET', '/v1/events')).body.data.map((e: { type: string }) => e.type)).toEqual([
      'customer.created',
      'customer.updated',
      'customer.deleted',
    ])
  })

  it('writes reset() and restore() through, so a reopen sees them', async () => {
    const dataDir = newDir()
    const first = serve({ dataDir, ids: 'sequential', clock: manualClock(T0) })
    await first.api('POST', '/v1/customers', { body: { name: 'Ada' } })
    const withAda = first.server.snapshot()
    first.server.reset()
    const empty = first.server.snapshot()
    await first.server.close()
    const second = serve({ dataDir, ids: 'sequential', clock: manualClock(T0) })
    expect(second.server.snapshot()).toEqual(empty)
    second.server.restore(withAda)
    await second.server.close()
    expect(serve({ dataDir, ids: 'sequential' }).server.snapshot()).toEqual(withAda)
  })

  /** A server on a new dir whose one delivery failed its first attempt (at T0) and waits for a retry at T0 + 5 s. */
  async function retryPendingInDir() {
    const hooks = await receiver((_, index) => ({ status: index === 0 ? 500 : 204 }))
    const dataDir = newDir()
    const first = serve({ dataDir, delivery, clock: manualClock(T0) })
    await first.api('POST', '/v1/webhooks', { body: { name: 'H', url: hooks.url, event_types: ['customer.created'] } })
    await first.api('POST', '/v1/customers', { body: { name: 'Ada' } })
    await first.server.deliveries.idle()
    await first.server.close()
    expect(hooks.requests).toHaveLength(1)
    return { hooks, dataDir }
  }
  const delivery = { retrySchedule: [5000], jitter: 0 }

  it('sends a retry that was pending before a reopen at its due time', async () => {
    const { hooks, dataDir } = await retryPendingInDir()
    const clock = manualClock('2026-11-27T10:00:01.000Z')
    const { server } = serve({ dataDir, delivery, clock })
    await server.deliveries.idle()
    await clock.advance(3999)
    expect(hooks.requests).toHaveLength(1)
    await clock.advance(1)
    expect(hooks.requests).toHaveLength(2)
    expect(hooks.requests[1]!.body).toBe(hooks.requests[0]!.body)
    expect(server.deliveries.list()).toMatchObject([{ status: 'succeeded', updated_at: '2026-11-27T10:00:05.000Z' }])
  })

  it('sends at once a retry that fell due while the server was down', async () => {
    const { hooks, dataDir } = await retryPendingInDir()
    const { server } = serve({ dataDir, delivery, clock: manualClock('2026-11-28T10:00:00.000Z') })
    const sent = await server.deliveries.waitFor({ status: 'succeeded' })
    expect(sent.attempts.map((attempt) => [attempt.at, attempt.status_code])).toEqual([
      [T0, 500],
      ['2026-11-28T10:00:00.000Z', 204],
    ])
    expect(hooks.requests).toHaveLength(2)
  })

  it('refuses another apiKey than the dir was made with, and a second server on the same dir', async () => {
    const dataDir = newDir()
    const { server } = serve({ dataDir })
    expect(() => createReferenceServer({ dataDir })).toThrow(expectError('data_dir_invalid', 'in use'))
    await server.close()
    const other = `opk_${'A'.repeat(40)}`
    expect(() => createReferenceServer({ dataDir, apiKey: other })).toThrow(
      expectError('data_dir_invalid', 'another apiKey'),
    )
    expect(serve({ dataDir, apiKey: server.apiKey }).server.apiKey).toBe(server.apiKey)
  })

  it('says how to install better-sqlite3 when it is missing', () => {
    expect(() => DataDir.open(newDir(), 'better-sqlite3-not-installed')).toThrow(
      expectError('sqlite_missing', 'npm install --save-dev better-sqlite3@12'),
    )
  })

  it('loads better-sqlite3 only for a server with a data dir', () => {
    const index = fileURLToPath(new URL('../../src/index.ts', import.meta.url))
    const script = `
      import { createRequire } from 'node:module'
      const { createReferenceServer } = await import(${JSON.stringify(index)})
      const cache = createRequire(import.meta.url).cache
      const loaded = () => Object.keys(cache).some((file) => file.includes('better-sqlite3'))
      await createReferenceServer({ seed: 'demo' }).close()
      const inMemory = loaded()
      await createReferenceServer({ dataDir: ${JSON.stringify(newDir())} }).close()
      console.log(JSON.stringify([inMemory, loaded()]))`
    const args = ['--conditions=@octopuspro/source', '--import', 'tsx', '--input-type=module', '-e', script]
    expect(JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }))).toEqual([false, true])
  }, 30_000)
})
