import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { OctopusPro } from '@octopuspro/client'
import { type ReferenceServer, startReferenceServer } from '@octopuspro/reference-server'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CapturedDelivery, ScenarioInput } from './scenario.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The runtime's launcher from node_modules/.bin (the `bun` and `deno` npm packages ship the binaries), or
 * `undefined` when it is not installed.
 */
export function runtimeBinary(name: 'bun' | 'deno'): string | undefined {
  const path = join(root, 'node_modules', '.bin', name)
  return existsSync(path) ? path : undefined
}

/** Bundles an entry of this folder with the workspace's TypeScript sources into one ESM file; resolves its path. */
export async function bundle(entry: string): Promise<{ file: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'octopuspro-runtime-'))
  const file = join(dir, 'bundle.mjs')
  await build({
    entryPoints: [join(root, 'test', 'runtimes', entry)],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['@octopuspro/source', 'import'],
    logLevel: 'error',
  })
  return { file, dispose: () => rm(dir, { recursive: true, force: true }) }
}

/** Runs a program and resolves with its stdout; rejects with its stderr when it fails. */
export async function run(file: string, args: string[], env: Record<string, string>): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(file, args, { env: { ...process.env, ...env }, timeout: 30_000 })
    return stdout
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string }
    throw new Error(`${file} ${args.join(' ')} failed: ${stderr || message}`)
  }
}

/** The reference server on a port, the scenario's input, and what the runtime must answer. */
export interface ScenarioServer {
  server: ReferenceServer
  input: ScenarioInput
  /** The id of the customer whose creation the captured deliveries carry. */
  customerId: string
  close: () => Promise<void>
}

/**
 * Starts the reference server on a port with three endpoints — HMAC, ed25519, and one rotating from HMAC to
 * ed25519 (its deliveries carry both signatures) — creates a customer and captures the signed deliveries.
 */
export async function startScenarioServer(): Promise<ScenarioServer> {
  const captured = new Map<string, Request>()
  const server = await startReferenceServer({
    ids: 'sequential',
    delivery: {
      fetch: async (input, init) => {
        const request = new Request(input, init)
        captured.set(new URL(request.url).pathname, request)
        return new Response(null, { status: 204 })
      },
    },
  })
  const op = new OctopusPro({ apiKey: server.apiKey, baseUrl: server.baseUrl })
  const endpoint = (name: string) => ({ name, url: `https://receiver.test/${name}`, event_types: ['*' as const] })
  const hmac = await op.webhooks.create(endpoint('hmac'))
  const ed25519 = await op.webhooks.create({ ...endpoint('ed25519'), signing: 'ed25519' })
  const moving = await op.webhooks.create(endpoint('rotation'))
  const rotated = await op.webhooks.rotateSecret(moving.id, { signing: 'ed25519', expires_in_seconds: 3600 })
  const customer = await op.customers.create({ name: 'Ada Lovelace', email: 'ada@example.com' })
  await server.deliveries.idle()
  const capture = async (name: string, keys: CapturedDelivery['keys']): Promise<CapturedDelivery> => {
    const request = captured.get(`/${name}`)!
    return { headers: Object.fromEntries(request.headers), body: await request.text(), keys }
  }
  const input: ScenarioInput = {
    baseUrl: server.baseUrl,
    apiKey: server.apiKey,
    deliveries: {
      hmac: await capture('hmac', { secret: hmac.secret }),
      ed25519: await capture('ed25519', { publicKey: ed25519.public_key }),
      rotation: await capture('rotation', { publicKey: rotated.public_key }),
    },
  }
  return { server, input, customerId: customer.id, close: () => server.close() }
}

const GRACE = 'cus_0000000000000000000010' // the runtime's customer: sequential ids, after the setup's objects

/** The 401 body of a tampered delivery, whose header held `signatures` and whose receiver had one `key`. */
function tamperedAnswer(signatures: number, key: 'secret(s)' | 'public key(s)') {
  return {
    status: 401,
    body: {
      error: {
        reason: 'no_matching_signature',
        message:
          `none of the ${signatures} signature(s) matches the 1 configured ${key}: use this endpoint's secret or ` +
          'public key (GET /v1/webhooks/{id}/secret; during a rotation configure both), and verify the raw body ' +
          'exactly as received, not JSON re-serialized by a framework',
      },
    },
  }
}

/** What every runtime must answer, exactly; only the name of the crypto backend differs. */
export function expectedResult(scenario: ScenarioServer, crypto: 'node:crypto' | 'Web Crypto') {
  const delivered = (tampered: ReturnType<typeof tamperedAnswer>) => ({
    status: 204,
    received: [scenario.customerId],
    tampered,
  })
  return {
    crypto,
    created: { id: GRACE, name: 'Grace Hopper', email: 'grace@example.com' },
    gotSame: true,
    listed: [scenario.customerId, GRACE],
    deliveries: {
      hmac: delivered(tamperedAnswer(1, 'secret(s)')),
      ed25519: delivered(tamperedAnswer(1, 'public key(s)')),
      rotation: delivered(tamperedAnswer(2, 'public key(s)')),
    },
  }
}

/** Checks from this side that the runtime's create reached the server: the customer is there. */
export async function expectCreatedOnServer(scenario: ScenarioServer): Promise<void> {
  const op = new OctopusPro({ apiKey: scenario.server.apiKey, baseUrl: scenario.server.baseUrl })
  expect(await op.customers.get(GRACE)).toMatchObject({ name: 'Grace Hopper', email: 'grace@example.com' })
}

/** How one runtime runs the scenario: `undefined` when the runtime is not installed. */
export interface RuntimeUnderTest {
  name: string
  /** Which crypto backend the contract's signing picks there. */
  crypto: 'node:crypto' | 'Web Crypto'
  /** Runs the scenario in the runtime and resolves with what it answered. */
  run: ((input: ScenarioInput) => Promise<unknown>) | undefined
}

/**
 * The test of one runtime: the reference server on a port in this process, the scenario in the runtime, its
 * answer compared exactly. A missing runtime skips the test locally but fails it in CI (`CI` set).
 */
export function describeRuntime(runtime: RuntimeUnderTest): void {
  describe(runtime.name, () => {
    let scenario: ScenarioServer
    beforeAll(async () => {
      scenario = await startScenarioServer()
    })
    afterAll(() => scenario?.close())

    const test = runtime.run || process.env.CI ? it : it.skip
    test('runs the client against the server and verifies its signed deliveries at the fetch door', async () => {
      if (!runtime.run) {
        throw new Error(
          `${runtime.name} is not installed: run pnpm install (it comes from the npm registry as a devDependency)`,
        )
      }
      expect(await runtime.run(scenario.input)).toEqual(expectedResult(scenario, runtime.crypto))
      await expectCreatedOnServer(scenario)
    })
  })
}

/** Runs a bundled CLI entry with a runtime's binary: the input in SCENARIO_INPUT, the answer one JSON line. */
export function cliRunner(
  binary: string | undefined,
  args: (file: string) => string[],
  env: Record<string, string> = {},
) {
  if (binary === undefined) return undefined
  return async (input: ScenarioInput) => {
    const { file, dispose } = await bundle('cli-entry.ts')
    try {
      return JSON.parse(await run(binary, args(file), { ...env, SCENARIO_INPUT: JSON.stringify(input) }))
    } finally {
      await dispose()
    }
  }
}
