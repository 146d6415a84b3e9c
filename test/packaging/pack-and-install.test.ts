/**
 * The packages as users get them: built (`pnpm build`), packed (`pnpm pack`), installed from their tarballs into an
 * empty project outside the workspace (npm, one install), then imported from ESM and from CommonJS for a real
 * round trip — the reference server on a port, the client creating a customer, the receiver getting its signed
 * webhook — and type-checked by TypeScript under NodeNext. publint and @arethetypeswrong/cli check every tarball.
 *
 * SLOW (one build, one install from the npm registry: about a minute or two). It runs in CI with the rest.
 */
import { execFile } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../', import.meta.url))
const consumerFiles = fileURLToPath(new URL('consumer/', import.meta.url))
const packages = readdirSync(join(root, 'packages'))
  .filter((name) => !name.startsWith('.'))
  .sort()
const tarballs = new Map<string, string>()
let workDir: string
let project: string

/** Runs a command and returns its stdout; a failure throws with the command's stderr in the message. */
async function sh(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    return (await run(file, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 })).stdout
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`${file} ${args.join(' ')} failed in ${cwd}\n${stderr ?? ''}\n${stdout ?? ''}`)
  }
}

beforeAll(async () => {
  await sh('pnpm', ['build'], root)
  workDir = mkdtempSync(join(tmpdir(), 'octopuspro-packaging-'))
  for (const name of packages) {
    const printed = await sh('pnpm', ['pack', '--pack-destination', workDir], join(root, 'packages', name))
    tarballs.set(name, resolve(printed.trim().split('\n').at(-1)!))
  }
  project = join(workDir, 'project')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'octopuspro-consumer', private: true }))
  for (const file of ['scenario.cjs', 'check.mjs', 'check.cjs'])
    copyFileSync(join(consumerFiles, file), join(project, file))
  // One install: the tarballs, and msw and ioredis, the optional peers whose entry points and types are checked.
  const npmEnv = {
    ...process.env,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  }
  await sh(
    'npm',
    ['install', '--no-package-lock', '--loglevel=error', ...tarballs.values(), 'msw@2', 'ioredis@5'],
    project,
    npmEnv,
  )
}, 300_000)

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

/** What both scripts print: the same round trip whichever way the packages are loaded. */
const roundTrip = {
  customer: { id: 'cus_', name: 'Ada Lovelace' },
  event: { type: 'customer.created', sameCustomer: true },
  delivery: { status: 'succeeded', codes: [204] },
  verified: { type: 'payment.approved', amount: 5000 },
  notFound: { name: 'NotFoundError', isNotFound: true, code: 'resource_missing' },
  settings: { status: 200, type: 'text/javascript; charset=utf-8', bytes: true },
  msw: { object: 'account', plan: 'growth' },
  contract: { eventTypes: 32, customerValid: true },
}

describe('the packed packages, installed from their tarballs outside the workspace', () => {
  it('packs exactly the five packages, with workspace versions replaced', () => {
    expect([...tarballs.keys()]).toEqual(['cli', 'client', 'contract', 'reference-server', 'settings-page', 'webhooks'])
    const manifest = JSON.parse(
      readFileSync(join(project, 'node_modules/@octopuspro/reference-server/package.json'), 'utf8'),
    ) as {
      dependencies: Record<string, string>
    }
    expect(manifest.dependencies['@octopuspro/contract']).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('ships the settings page prebuilt, so no package needs esbuild at run time, and the server not the client', () => {
    const manifest = (name: string) =>
      JSON.parse(readFileSync(join(project, `node_modules/@octopuspro/${name}/package.json`), 'utf8')) as {
        dependencies?: Record<string, string>
      }
    expect(Object.keys(manifest('reference-server').dependencies ?? {}).sort()).toEqual([
      '@hono/node-server',
      '@octopuspro/contract',
      'hono',
      'zod',
    ])
    expect(Object.keys(manifest('cli').dependencies ?? {}).sort()).toEqual([
      '@octopuspro/client',
      '@octopuspro/contract',
      '@octopuspro/reference-server',
      '@octopuspro/settings-page',
    ])
    expect(manifest('settings-page').dependencies).toBeUndefined()
    expect(existsSync(join(project, 'node_modules/esbuild'))).toBe(false)
    const dist = join(project, 'node_modules/@octopuspro/settings-page/dist/page')
    expect(readdirSync(dist).sort()).toEqual(['app.css', 'app.js'])
  })

  it('work from ESM (import)', async () => {
    const out = await sh(process.execPath, ['check.mjs'], project)
    expect(JSON.parse(out)).toEqual({ format: 'esm', ...roundTrip })
  }, 60_000)

  it('work from CommonJS (require)', async () => {
    const out = await sh(process.execPath, ['check.cjs'], project)
    expect(JSON.parse(out)).toEqual({ format: 'cjs', ...roundTrip })
  }, 60_000)

  it('ship a working CLI (octopuspro, and octopuspro-server for octopuspro server)', async () => {
    const out = await sh(join(project, 'node_modules/.bin/octopuspro-server'), ['--help'], project)
    expect(out).toMatch(/--port/)
    expect(out).toMatch(/--seed/)
    const help = await sh(join(project, 'node_modules/.bin/octopuspro'), ['trigger', '--help'], project)
    expect(help).toMatch(/^Usage: octopuspro trigger <event-type>/)
    expect(help).toContain('payment.approved')
  })

  it('type-check under NodeNext from CommonJS and ESM, declarations included (skipLibCheck: false)', async () => {
    copyFileSync(join(consumerFiles, 'types.ts'), join(project, 'types.cts'))
    copyFileSync(join(consumerFiles, 'types.ts'), join(project, 'types.mts'))
    const tsconfig = {
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
      },
      files: ['types.cts', 'types.mts'],
    }
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig))
    await sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], project)
  }, 120_000)
})

describe('publint and @arethetypeswrong/cli', () => {
  it.each(packages)('publint --strict finds nothing in %s', async (name) => {
    const tarball = readFileSync(tarballs.get(name)!)
    const { messages, pkg } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      strict: true,
    })
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([])
  })

  // Profile node16: TypeScript's old `node10` resolution cannot see `exports` subpaths (./testing, ./msw) at all;
  // every resolution a current TypeScript uses (node16 CJS/ESM, bundler) must be clean.
  it.each(packages)(
    'attw --profile node16 passes for %s',
    async (name) => {
      const attw = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js')
      const out = await sh(
        process.execPath,
        [attw, tarballs.get(name)!, '--profile', 'node16', '--format', 'json'],
        root,
      )
      const { analysis } = JSON.parse(out) as {
        analysis: { problems: { kind: string; resolutionKind?: string; entrypoint?: string }[] }
      }
      expect(analysis.problems.filter((problem) => problem.resolutionKind !== 'node10')).toEqual([])
      for (const problem of analysis.problems)
        expect(problem).toMatchObject({ kind: 'NoResolution', resolutionKind: 'node10' })
    },
    60_000,
  )
})
