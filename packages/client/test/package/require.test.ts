import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'tsup'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packageBuilds } from '../../../../tsup.config.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
let installDir: string

/**
 * Builds the contract and the client with the workspace's tsup config and lays them out as an install would:
 * node_modules/@octopuspro/{contract,client} and zod, their only dependency.
 */
beforeAll(async () => {
  installDir = mkdtempSync(join(tmpdir(), 'octopuspro-client-install-'))
  const modules = join(installDir, 'node_modules')
  for (const name of ['contract', 'client']) {
    const target = join(modules, '@octopuspro', name)
    mkdirSync(target, { recursive: true })
    cpSync(join(root, 'packages', name, 'package.json'), join(target, 'package.json'))
    for (const options of packageBuilds(join(root, 'packages', name), {
      outDir: join(target, 'dist'),
      config: false,
      dts: false,
      silent: true,
    })) {
      await build({
        ...options,
        entry: Object.fromEntries(
          Object.entries(options.entry as Record<string, string>).map(([k, v]) => [k, resolve(root, v)]),
        ),
      })
    }
  }
  symlinkSync(realpathSync(join(root, 'packages/client/node_modules/zod')), join(modules, 'zod'), 'dir')
}, 60_000)

afterAll(() => {
  if (installDir) rmSync(installDir, { recursive: true, force: true })
})

/** Runs a script with node in the install directory and returns its stdout. */
function run(args: string[]): string {
  return execFileSync(process.execPath, args, {
    cwd: installDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

const script = (load: string) => `
${load}
const customer = {
  id: 'cus_1', object: 'customer', name: 'Ada', tags: [], email: null, phone: null, company: null, address: null,
  notes: null, metadata: {}, created_at: '2026-11-27T10:00:00.000Z', updated_at: '2026-11-27T10:00:00.000Z',
}
const op = new client.OctopusPro({
  apiKey: 'opk_x',
  baseUrl: 'http://api.test/v1',
  fetch: async (request) => Response.json({ ...customer, name: request.method + ' ' + new URL(request.url).pathname }),
})
op.customers.get('cus_1').then(async (c) => {
  const notFound = client.APIError.generate(404, undefined)
  const guard = client.isAPIError(notFound)
  console.log(JSON.stringify({ name: c.name, notFound: notFound instanceof client.NotFoundError, guard }))
})
`

describe('the built package', () => {
  it('works with require()', () => {
    const out = run(['-e', script("const client = require('@octopuspro/client')")])
    expect(JSON.parse(out)).toEqual({ name: 'GET /v1/customers/cus_1', notFound: true, guard: true })
  })

  it('works with import', () => {
    const out = run(['--input-type=module', '-e', script("import * as client from '@octopuspro/client'")])
    expect(JSON.parse(out)).toEqual({ name: 'GET /v1/customers/cus_1', notFound: true, guard: true })
  })
})
