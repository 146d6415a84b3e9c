// @ts-check
/**
 * A TypeDoc plugin: names each entry point's module after the import that reaches it (`@octopuspro/client`,
 * `@octopuspro/webhooks/testing`, …) instead of its path (`client/src`, `webhooks/src/testing`), reading every
 * package's `exports` map. Loaded by /typedoc.json.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Converter } from 'typedoc'

const packagesDir = fileURLToPath(new URL('../../packages/', import.meta.url))

/**
 * TypeDoc's default module name of each exported source file (its path from packages/, without `.ts` or
 * `/index`) mapped to the import specifier.
 *
 * @returns {Map<string, string>}
 */
export function entryPointNames() {
  const names = new Map()
  for (const dir of readdirSync(packagesDir)) {
    /** @type {{ name: string, exports?: Record<string, string | Record<string, unknown>> }} */
    const pkg = JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8'))
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      const source = typeof target === 'object' ? target['@octopuspro/source'] : undefined
      if (typeof source !== 'string') continue
      const path = `${dir}/${source
        .replace(/^\.\//, '')
        .replace(/\.ts$/, '')
        .replace(/\/index$/, '')}`
      names.set(path, `${pkg.name}${subpath.slice(1)}`)
    }
  }
  return names
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const names = entryPointNames()
    for (const module of context.project.children ?? []) module.name = names.get(module.name) ?? module.name
  })
}
