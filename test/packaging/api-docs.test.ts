/**
 * `pnpm run docs`: TypeDoc builds the API reference of the packages with no warning (typedoc.json treats warnings
 * as errors), every public export has JSDoc with an `@example`, and every entry point of every package is in it.
 *
 * SLOW-ish (TypeDoc converts the packages: about 20–30 s).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  Application,
  type Comment,
  type DeclarationReflection,
  LogLevel,
  type ProjectReflection,
  ReflectionKind,
} from 'typedoc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entryPointNames } from '../../docs/typedoc/package-names.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
const out = mkdtempSync(join(tmpdir(), 'octopuspro-api-docs-'))
const messages: string[] = []
let app: Application
let project: ProjectReflection | undefined

beforeAll(async () => {
  app = await Application.bootstrapWithPlugins({ options: join(root, 'typedoc.json'), out, logLevel: 'Warn' })
  const log = app.logger.log.bind(app.logger)
  app.logger.log = (message, level) => {
    if (level >= LogLevel.Warn) messages.push(message)
    log(message, level)
  }
  project = await app.convert()
  if (project) {
    app.validate(project)
    await app.generateOutputs(project)
  }
}, 180_000)

afterAll(() => rmSync(out, { recursive: true, force: true }))

/** The reflections of every module's top-level exports (re-exports are documented where they are declared). */
function exportsOf(project: ProjectReflection): { module: string; reflection: DeclarationReflection }[] {
  return (project.children ?? []).flatMap((module) =>
    (module.children ?? [])
      .filter((child) => !child.kindOf(ReflectionKind.Reference))
      .map((reflection) => ({ module: module.name, reflection })),
  )
}

const hasExample = (comment: Comment | undefined) => comment?.blockTags.some((tag) => tag.tag === '@example') ?? false

describe('pnpm run docs (TypeDoc)', () => {
  it('builds the API reference with no warning and no error', () => {
    expect(project).toBeDefined()
    expect(messages).toEqual([])
    expect(app.logger.errorCount + app.logger.warningCount).toBe(0)
    expect(existsSync(join(out, 'index.html'))).toBe(true)
  })

  it('documents every entry point of every package, under its import name', () => {
    const exported = [...entryPointNames().values()].sort()
    expect(exported).toEqual([
      '@octopuspro/cli',
      '@octopuspro/client',
      '@octopuspro/contract',
      '@octopuspro/contract/ids',
      '@octopuspro/contract/io',
      '@octopuspro/contract/samples',
      '@octopuspro/reference-server',
      '@octopuspro/reference-server/msw',
      '@octopuspro/settings-page',
      '@octopuspro/webhooks',
      '@octopuspro/webhooks/bullmq',
      '@octopuspro/webhooks/testing',
    ])
    expect(project!.children!.map((module) => module.name).sort()).toEqual(exported)

    const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { entryPoints: string[] }
    const sources = readdirSync(join(root, 'packages')).flatMap((dir) => {
      const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as {
        exports: Record<string, unknown>
      }
      return Object.values(pkg.exports).flatMap((target) => {
        const source = (target as Record<string, unknown>)['@octopuspro/source']
        return typeof source === 'string' ? [join('packages', dir, source)] : []
      })
    })
    expect([...config.entryPoints].sort()).toEqual(sources.sort())
  })

  it('has JSDoc with an @example on every public export', () => {
    const exports = exportsOf(project!)
    expect(exports.length).toBeGreaterThan(250)
    const lacking = exports
      .filter(
        ({ reflection }) =>
          ![reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)].some(hasExample),
      )
      .map(({ module, reflection }) => `${module}: ${reflection.name} (${ReflectionKind[reflection.kind]})`)
    expect(lacking).toEqual([])
  })
})
