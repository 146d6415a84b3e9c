import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The settings page's browser code, bundled: one script and one stylesheet. */
export interface SettingsBundle {
  js: string
  css: string
}

// The page's entry, from this file in src/ (tests, tsx, the CLI from source).
const pageEntry = './page/main.ts'
// The bundle `pnpm build` writes next to the built modules (dist/settings/), and its files.
const prebuiltDir = 'settings'
const prebuiltFiles = { js: 'app.js', css: 'app.css' } as const

let cached: Promise<SettingsBundle> | undefined

/**
 * The settings page, kept in memory after first use: the built package reads the bundle `pnpm build` wrote into
 * dist/settings/ (so the published package needs neither esbuild nor the client at run time); from source (tests,
 * tsx) the page is bundled with esbuild on first use, so nothing needs a build step. A failure is not cached: the
 * next request tries again.
 *
 * @example
 * ```ts
 * const { js, css } = await settingsBundle()
 * ```
 */
export function settingsBundle(): Promise<SettingsBundle> {
  cached ??= loadBundle().catch((error: unknown) => {
    cached = undefined
    throw error
  })
  return cached
}

async function loadBundle(): Promise<SettingsBundle> {
  const prebuilt = fileURLToPath(new URL(`./${prebuiltDir}/`, import.meta.url))
  if (existsSync(join(prebuilt, prebuiltFiles.js))) {
    const [js, css] = await Promise.all([readFile(join(prebuilt, prebuiltFiles.js), 'utf8'), readFile(join(prebuilt, prebuiltFiles.css), 'utf8')])
    return { js, css }
  }
  const entry = fileURLToPath(new URL(pageEntry, import.meta.url))
  if (!existsSync(entry)) {
    throw new Error(`the prebuilt settings page is missing (looked in ${prebuilt}); reinstall @octopuspro/reference-server`)
  }
  return bundleSettingsPage(entry)
}

/**
 * Bundles the settings page from its TypeScript source with esbuild (minified, for browsers); workspace packages
 * (the client, the contract) come from their source too.
 *
 * @example
 * ```ts
 * const { js, css } = await bundleSettingsPage('packages/reference-server/src/settings/page/main.ts')
 * ```
 */
export async function bundleSettingsPage(entry: string): Promise<SettingsBundle> {
  // Loaded on demand: only a build, or a server run from source that serves the page, needs esbuild.
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: { app: entry },
    bundle: true,
    write: false,
    outdir: prebuiltDir,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    conditions: ['@octopuspro/source'],
    logLevel: 'silent',
  })
  const output = (extension: string) => {
    const file = result.outputFiles.find((candidate) => candidate.path.endsWith(extension))
    if (!file) throw new Error(`esbuild produced no ${extension} file for the settings page`)
    return file.text
  }
  return { js: output('.js'), css: output('.css') }
}

/**
 * Writes the bundled settings page into a built package's `dist/` (as dist/settings/app.js and app.css), where
 * {@link settingsBundle} reads it. Called by the workspace's tsup build.
 *
 * @example
 * ```ts
 * await writeSettingsBundle('packages/reference-server/src/settings/page/main.ts', 'packages/reference-server/dist')
 * ```
 */
export async function writeSettingsBundle(entry: string, distDir: string): Promise<void> {
  const { js, css } = await bundleSettingsPage(entry)
  const dir = join(distDir, prebuiltDir)
  await mkdir(dir, { recursive: true })
  await Promise.all([writeFile(join(dir, prebuiltFiles.js), js), writeFile(join(dir, prebuiltFiles.css), css)])
}
