import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig, type Options } from 'tsup'
import { writeSettingsBundle } from './packages/settings-page/src/bundle.js'

/**
 * Builds every package in packages/* to ESM + CJS + `.d.ts` in its own dist/. Entries come from each package.json:
 * every `exports` subpath (its `@octopuspro/source` file) and every `bin`, so a package that adds `./msw`,
 * `./testing` or a CLI needs no change here. Dependencies and peer dependencies stay external.
 */

interface PackageJson {
  name: string
  exports?: Record<string, string | Record<string, unknown>>
  bin?: string | Record<string, string>
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

function readPackage(packageDir: string): PackageJson {
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as PackageJson
}

/** The packages of the workspace, as directories relative to the root. */
export function workspacePackages(root = '.'): string[] {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'packages', entry.name, 'package.json')))
    .map((entry) => join(root, 'packages', entry.name))
}

/**
 * The entries of a package: `{ 'index': 'packages/x/src/index.ts', 'msw': 'packages/x/src/msw.ts', … }`, named
 * after their file in dist/ so that the outputs land where package.json points.
 */
export function packageEntries(packageDir: string): Record<string, string> {
  const pkg = readPackage(packageDir)
  const entries: Record<string, string> = {}
  const add = (distFile: string, sourceFile: string) => {
    const name = distFile.replace(/^\.\/dist\//, '').replace(/\.(c|m)?js$/, '')
    const source = join(packageDir, sourceFile)
    if (!existsSync(source))
      throw new Error(`${pkg.name}: ${distFile} is built from ${sourceFile}, which does not exist`)
    entries[name] = source
  }
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target === 'string') continue // e.g. "./package.json"
    const source = target['@octopuspro/source']
    const importTarget = target.import as { default?: string } | string | undefined
    const dist = typeof importTarget === 'string' ? importTarget : importTarget?.default
    if (typeof source !== 'string' || !dist)
      throw new Error(`${pkg.name}: exports["${subpath}"] needs an @octopuspro/source file and an import target`)
    add(dist, source)
  }
  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {})
  for (const bin of bins) add(bin, bin.replace(/^\.\/dist\//, './src/').replace(/\.(c|m)?js$/, '.ts'))
  return entries
}

const asExternal = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|/)`)

/**
 * What a package builds besides its modules, into its dist/ once the ESM build succeeds: the settings page's
 * browser code, bundled, so the published package needs neither esbuild nor the client at run time.
 */
const extraOutputs: Record<string, (distDir: string) => Promise<void>> = {
  '@octopuspro/settings-page': writeSettingsBundle,
}

/**
 * The tsup builds of one package: ESM and CJS with declarations, dependencies external. `overrides` serve tests
 * (another outDir, no declarations).
 */
export function packageBuilds(packageDir: string, overrides: Options = {}): Options[] {
  const pkg = readPackage(packageDir)
  const dependencies = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies })
  const base: Options = {
    name: pkg.name,
    entry: packageEntries(packageDir),
    outDir: join(packageDir, 'dist'),
    platform: 'node',
    target: 'node20',
    dts: true,
    sourcemap: false,
    splitting: true,
    // import.meta.url (the settings page finds its prebuilt bundle with it) needs a shim in the CJS build.
    shims: true,
    ...overrides,
  }
  // CJS without code splitting: tsup's CJS splitting goes through a transform that renames classes (`_class20`).
  const external = dependencies.map(asExternal)
  const extra = extraOutputs[pkg.name]
  const outDir = base.outDir!
  return [
    { ...base, format: ['esm'], external, ...(extra && { onSuccess: () => extra(outDir) }) },
    { ...base, format: ['cjs'], splitting: false, external },
  ]
}

export default defineConfig(() => {
  const packages = workspacePackages()
  for (const packageDir of packages) rmSync(join(packageDir, 'dist'), { recursive: true, force: true })
  return packages.flatMap((packageDir) => packageBuilds(packageDir))
})
